/**
 * The drop page of an upload link just made: what it is (one HTML file the recipient opens in a browser
 * to drop the file and upload it), the page's language (the interface's by default), Save, what the
 * bucket's CORS must allow (the app's own local bucket allows pages opened on this computer), and how the save went
 * (announced politely).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../electron/shared/ipc/settings.js';
import { currentLanguage } from '../../i18n/index.js';
import { ErrorNote } from './ErrorNote.js';
import { useSaveDropPage } from './use-save-drop-page.js';

const LANGUAGE_NAMES = { en: 'dropPage.english', 'zh-CN': 'dropPage.chinese' } as const;

/** The section for the issued link `id` (undefined when the link could not be recorded) of `profile`. */
export function DropPageSection({ id, profile }: { readonly id: string | undefined; readonly profile: string }) {
  const { t } = useTranslation('links');
  const [language, setLanguage] = useState<Language>(currentLanguage);
  const { saving, save } = useSaveDropPage();
  const selectId = useId();
  return (
    <section aria-labelledby="drop-page-title" className="links-drop-page" data-testid="drop-page">
      <h2 id="drop-page-title">{t('dropPage.title')}</h2>
      <p className="help-text">{t('dropPage.intro')}</p>
      {id === undefined ? (
        <p className="help-text" data-testid="drop-page-unavailable">
          {t('dropPage.notRecorded')}
        </p>
      ) : (
        <div className="toolbar">
          <label htmlFor={selectId}>{t('dropPage.language')}</label>
          <select id={selectId} value={language} onChange={(event) => setLanguage(event.target.value === 'zh-CN' ? 'zh-CN' : 'en')}>
            {LANGUAGES.map((value) => (
              <option key={value} value={value}>
                {t(LANGUAGE_NAMES[value])}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => void save(id, language)} disabled={saving.kind === 'busy'} data-testid="save-drop-page">
            {saving.kind === 'busy' ? t('dropPage.saving') : t('dropPage.save')}
          </button>
        </div>
      )}
      <p className="help-text">{t('dropPage.cors')}</p>
      {profile === 'local' && (
        <p className="help-text" data-testid="drop-page-local">
          {t('dropPage.localBucket')}
        </p>
      )}
      <p className="help-text" aria-live="polite" data-testid="drop-page-saved">
        {saving.kind === 'saved' ? t('dropPage.saved', { fileName: saving.fileName }) : ''}
      </p>
      {saving.kind === 'failed' && <ErrorNote title={t('dropPage.failed')} error={saving.error} testId="drop-page-error" />}
    </section>
  );
}
