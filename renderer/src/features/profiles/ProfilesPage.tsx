/**
 * The profiles screen and its sub-screens (App nests this route under `/profiles`): the list at `/`, a
 * new profile at `/new`, a profile at `/edit/NAME` (read-only for the built-in `local`), and importing
 * at `/import`. New and edit are one editor at one place in the tree, so after the first save of a new
 * profile the address moves to `/edit/NAME` while the form (and what saving said) stays.
 */
import { useRoute } from 'wouter';
import { ImportPage } from './ImportPage.js';
import { ProfileEditor } from './ProfileEditor.js';
import { ProfileList } from './ProfileList.js';

/** The screen. */
export function ProfilesPage() {
  const [isNew] = useRoute('/new');
  const [isEdit, params] = useRoute<{ name: string }>('/edit/:name');
  const [isImport] = useRoute('/import');
  if (isImport) return <ImportPage />;
  if (isNew || isEdit) return <ProfileEditor name={isEdit ? params.name : undefined} />;
  return <ProfileList />;
}
