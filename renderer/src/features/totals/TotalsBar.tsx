/**
 * The queue at a glance, and what can be done to all of it: files done, bytes sent, speed and time left;
 * Pause all, Resume all, Retry failed, Clear finished (each enabled when it would do something).
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { InvokeChannel } from '../../../../electron/shared/ipc/channels.js';
import { formatBytes, formatDuration, formatSpeed } from '../../app/format.js';
import { useBridge } from '../../app/bridge-context.js';
import { currentLanguage } from '../../i18n/index.js';
import { appStore, useAppStore } from '../../store/index.js';
import { selectQueueCounts, selectTotals } from '../../store/selectors.js';
import './totals.css';

/** The queue-wide controls: every one but Clear finished is a transfer control without an id (all transfers). */
type BulkChannel = Extract<InvokeChannel, 'transfers:pause' | 'transfers:resume' | 'transfers:retry' | 'transfers:clear-finished'>;

/** The bar. */
export function TotalsBar() {
  const { t } = useTranslation('upload');
  const { api } = useBridge();
  const totals = useAppStore(useShallow(selectTotals));
  const counts = useAppStore(selectQueueCounts);
  const language = currentLanguage();
  const run = (channel: BulkChannel) => {
    void api.invoke(channel).then((result) => {
      if (!result.ok) appStore.getState().pushNotice({ level: 'error', code: result.error.code, message: result.error.message, hint: result.error.hint });
    });
  };
  return (
    <div className="totals-bar">
      <p className="totals-figures" data-testid="totals">
        <span className="totals-files">{t('totals.files', { count: totals.files, done: totals.filesDone })}</span>
        <span>{t('totals.bytes', { sent: formatBytes(totals.bytesSent, language), total: formatBytes(totals.bytesTotal, language) })}</span>
        {totals.bytesPerSecond > 0 && <span>{formatSpeed(totals.bytesPerSecond, language)}</span>}
        {totals.etaSeconds !== undefined && <span>{t('totals.eta', { duration: formatDuration(totals.etaSeconds, language) })}</span>}
        {totals.filesFailed > 0 && <span className="totals-failed">{t('totals.failed', { count: totals.filesFailed })}</span>}
      </p>
      <div className="totals-actions" role="group" aria-label={t('totals.actions')}>
        <button type="button" className="button" disabled={counts.pausable === 0} onClick={() => run('transfers:pause')} data-testid="pause-all">
          {t('totals.pauseAll')}
        </button>
        <button type="button" className="button" disabled={counts.paused === 0} onClick={() => run('transfers:resume')} data-testid="resume-all">
          {t('totals.resumeAll')}
        </button>
        <button type="button" className="button" disabled={counts.failed === 0} onClick={() => run('transfers:retry')} data-testid="retry-failed">
          {t('totals.retryFailed')}
        </button>
        <button type="button" className="button" disabled={counts.finished === 0} onClick={() => run('transfers:clear-finished')} data-testid="clear-finished">
          {t('totals.clearFinished')}
        </button>
      </div>
    </div>
  );
}
