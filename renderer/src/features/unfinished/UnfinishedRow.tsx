/**
 * One unfinished upload: its checkbox (none to tick for one a local queue will resume, or one already
 * aborted or gone), key and upload id, start (local time), age, what it holds (its bytes and parts, when
 * the listing says), and status: "Resumable here" with the way
 * to cancel it, a note for a recent upload, or what aborting it did (with the error's sentence and what
 * to do, for a failure).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { UnfinishedAbortOutcome, UnfinishedUploadView } from '../../../../electron/shared/ipc/unfinished-types.js';
import { visibleLine } from '../../../../electron/shared/visible-text.js';
import { formatBytes, formatDateTime, formatDuration } from '../../app/format.js';
import { ROUTES } from '../../app/routes.js';
import { ageSeconds, isRecent } from './unfinished-rows.js';
import './unfinished.css';

/** What the row shows. */
export interface UnfinishedRowProps {
  readonly upload: UnfinishedUploadView;
  /** True when the table has the "Holds" column. */
  readonly sized: boolean;
  readonly selectable: boolean;
  readonly chosen: boolean;
  readonly outcome: UnfinishedAbortOutcome | undefined;
  readonly nowMs: number;
  readonly onToggle: (on: boolean) => void;
}

/** The status cell's content. */
function RowStatus({ upload, outcome, nowMs }: Pick<UnfinishedRowProps, 'upload' | 'outcome' | 'nowMs'>) {
  const { t } = useTranslation('unfinished');
  if (upload.resumableHere) {
    return (
      <>
        <span className="badge badge-accent" data-testid="resumable-badge">
          {t('row.resumable')}
        </span>
        <span className="cell-note">
          {t('row.resumableNote')}{' '}
          {/* `~` leaves the profiles screen's nested routes for the app's own. */}
          <Link href={`~${ROUTES.upload}`} className="unfinished-link">
            {t('row.openUpload')}
          </Link>
        </span>
      </>
    );
  }
  switch (outcome?.outcome) {
    case 'aborted':
      return <span className="badge badge-success">{t('outcome.aborted')}</span>;
    case 'already-gone':
      return (
        <>
          <span className="badge">{t('outcome.alreadyGone')}</span>
          <span className="cell-note">{t('outcome.alreadyGoneNote')}</span>
        </>
      );
    case 'failed':
      return (
        <>
          <span className="badge unfinished-failed-badge">{t('outcome.failed')}</span>
          <span className="cell-note unfinished-failure" data-code={outcome.error.code}>
            {outcome.error.message}
          </span>
          {outcome.error.hint !== '' && <span className="cell-note">{outcome.error.hint}</span>}
        </>
      );
    case 'skipped':
      return (
        <>
          <span className="badge">{t('outcome.skipped')}</span>
          <span className="cell-note">{t('outcome.skippedNote')}</span>
        </>
      );
    default:
      return isRecent(upload, nowMs) ? <span className="cell-note">{t('row.recent')}</span> : null;
  }
}

/** "300 kB in 2 parts", "No parts", or nothing when the listing does not say. */
function useHoldsText(upload: UnfinishedUploadView): string {
  const { t } = useTranslation('unfinished');
  if (upload.parts === undefined || upload.bytes === undefined) return '';
  return upload.parts === 0 ? t('row.holdsNothing') : t('row.holds', { count: upload.parts, size: formatBytes(upload.bytes) });
}

/** The row. */
export function UnfinishedRow({ upload, sized, selectable, chosen, outcome, nowMs, onToggle }: UnfinishedRowProps) {
  const { t } = useTranslation('unfinished');
  const holds = useHoldsText(upload);
  return (
    <tr data-testid="unfinished-row" data-key={upload.key} data-upload-id={upload.uploadId} data-outcome={upload.resumableHere ? 'resumable' : (outcome?.outcome ?? 'none')}>
      <td className="unfinished-check">
        <input
          type="checkbox"
          checked={selectable && chosen}
          disabled={!selectable}
          onChange={(event) => onToggle(event.target.checked)}
          aria-label={selectable ? t('table.selectOne', { key: upload.key }) : t('table.notSelectable', { key: upload.key })}
        />
      </td>
      <th scope="row">
        <code className="unfinished-key">{visibleLine(upload.key)}</code>
        <span className="cell-note unfinished-id">{t('table.uploadId', { id: upload.uploadId })}</span>
      </th>
      <td>
        <time dateTime={upload.initiatedAt}>{formatDateTime(upload.initiatedAt)}</time>
      </td>
      <td className="cell-numeric">{formatDuration(ageSeconds(upload, nowMs))}</td>
      {sized && <td className="cell-numeric unfinished-holds">{holds}</td>}
      <td className="unfinished-status">
        <RowStatus upload={upload} outcome={outcome} nowMs={nowMs} />
      </td>
    </tr>
  );
}
