/**
 * What an empty queue says to a new user: how to add files, and what they get.
 */
import { useTranslation } from 'react-i18next';
import { pasteShortcut } from '../drop-zone/use-paste-upload.js';
import './upload-page.css';

/** The empty state. */
export function EmptyState() {
  const { t } = useTranslation('upload');
  return (
    <div className="upload-empty" data-testid="queue-empty">
      <p className="upload-empty-title">{t('empty.title')}</p>
      <ul>
        <li>{t('empty.drop')}</li>
        <li>{t('empty.paste', { shortcut: pasteShortcut() })}</li>
        <li>{t('empty.link')}</li>
      </ul>
    </div>
  );
}
