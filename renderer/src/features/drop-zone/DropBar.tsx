/**
 * The upload screen's invitation: where to drop (anywhere in the window), how to paste, and the pickers.
 */
import { useTranslation } from 'react-i18next';
import { PickButtons } from './PickButtons.js';
import { pasteShortcut } from './use-paste-upload.js';
import { useUpload } from './use-upload.js';
import './drop-zone.css';

/** The bar. */
export function DropBar() {
  const { t } = useTranslation('upload');
  const upload = useUpload();
  return (
    <section className="drop-bar-panel" aria-label={t('dropBar.label')}>
      <p className="drop-bar-hint">{t('dropBar.hint', { shortcut: pasteShortcut() })}</p>
      <PickButtons onPick={(files) => void upload(files)} />
    </section>
  );
}
