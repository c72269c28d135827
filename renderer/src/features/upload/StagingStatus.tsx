/**
 * Files on their way into the queue: browser mode copies every file's bytes to Dropsign before they can
 * be queued, which takes a while for big drops, so this says how far it has got (files and bytes) with a
 * progress bar; then that the files are being added to the queue. A polite live region, present even
 * when idle so screen readers hear it start.
 */
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../app/format.js';
import { currentLanguage } from '../../i18n/index.js';
import { useAppStore } from '../../store/index.js';
import { selectStaging } from '../../store/selectors.js';
import './upload-page.css';

/** The status line. */
export function StagingStatus() {
  const { t } = useTranslation('upload');
  const summary = useAppStore(selectStaging);
  const language = currentLanguage();
  return (
    <div role="status" className="staging-region">
      {summary?.kind === 'enqueueing' && (
        <p className="staging-box" data-testid="staging">
          {t('staging.enqueueing')}
        </p>
      )}
      {summary?.kind === 'staging' && (
        <div className="staging-box" data-testid="staging">
          <p>
            {t('staging.copying', {
              count: summary.filesTotal,
              done: summary.filesDone,
              sent: formatBytes(summary.bytesSent, language),
              bytes: formatBytes(summary.bytesTotal, language),
            })}
          </p>
          <progress
            max={Math.max(1, summary.bytesTotal)}
            value={summary.bytesTotal === 0 ? 0 : summary.bytesSent}
            aria-label={t('staging.progressLabel')}
          />
        </div>
      )}
    </div>
  );
}
