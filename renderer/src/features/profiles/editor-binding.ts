/**
 * What the profile form's field groups get from the editor: the draft, how to change it, and the problem
 * to show for each field (the form's own check once the field was left or a save was tried; the host's
 * answer until the field changes).
 */
import type { FieldProblem } from './field-problem.js';
import type { DraftField, EditorMode, ProfileDraft } from './profile-draft.js';

/** The editor as its field groups see it. */
export interface EditorBinding {
  readonly draft: ProfileDraft;
  readonly mode: EditorMode;
  /** True for the built-in profile: everything shown, nothing editable. */
  readonly readOnly: boolean;
  readonly change: (patch: Partial<ProfileDraft>) => void;
  /** Marks a field as visited (its problems show from then on). */
  readonly touch: (field: DraftField) => void;
  readonly problemOf: (field: DraftField) => FieldProblem | undefined;
  readonly hostMessageOf: (field: DraftField) => string | undefined;
}

/** The id of a field's control (stable, so labels, tests and error focus can find it). */
export function controlId(field: DraftField): string {
  return `profile-${field}`;
}
