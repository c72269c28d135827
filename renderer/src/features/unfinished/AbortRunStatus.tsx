/**
 * How a run of aborts goes, in a live region: how many are done while it runs, then what it did
 * (aborted, already gone, failed, not tried), one sentence each, leaving out what did not happen.
 */
import { useTranslation } from 'react-i18next';
import type { AbortRun } from './use-abort-uploads.js';
import './unfinished.css';

/** The region (always present, so what it says later is announced). */
export function AbortRunStatus({ run }: { readonly run: AbortRun }) {
  const { t } = useTranslation('unfinished');
  let text = '';
  if (run.kind === 'running') text = t('progress', { done: run.done, total: run.total });
  if (run.kind === 'done') {
    const { aborted, alreadyGone, failed, skipped } = run.tally;
    text = [
      aborted > 0 || (alreadyGone === 0 && failed === 0 && skipped === 0 && run.error === undefined) ? t('result.aborted', { count: aborted }) : '',
      alreadyGone > 0 ? t('result.alreadyGone', { count: alreadyGone }) : '',
      failed > 0 ? t('result.failed', { count: failed }) : '',
      skipped > 0 ? t('result.skipped', { count: skipped }) : '',
    ]
      .filter((part) => part !== '')
      .join(' ');
  }
  const tone = run.kind === 'done' && (run.tally.failed > 0 || run.error !== undefined) ? 'warning' : run.kind === 'done' ? 'success' : 'neutral';
  return (
    <p className="unfinished-run" role="status" data-tone={tone} data-testid="unfinished-run">
      {text}
    </p>
  );
}
