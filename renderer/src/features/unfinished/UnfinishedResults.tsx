/**
 * What a listing of unfinished uploads found, and aborting some of them: a summary (with what the uploads
 * hold together, when the listing says; a warning when the listing stopped at its cap, and a note when the
 * sizes asked for were left out or refused), the selection tools ("Select those older than a day", clear, "Abort
 * selected"), the table, "Show more" for long lists, the confirmation that says how many and that their
 * parts are deleted for good, then how the run went (a live region) and each upload's outcome in its row.
 * Uploads a queue on this machine will resume cannot be chosen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SIZED_UPLOADS, type UnfinishedListing } from '../../../../electron/shared/ipc/unfinished-types.js';
import { formatBytes } from '../../app/format.js';
import { ConfirmDialog } from '../profiles/ConfirmDialog.js';
import { HostErrorNote } from '../profiles/HostErrorNote.js';
import { AbortRunStatus } from './AbortRunStatus.js';
import { UnfinishedTable } from './UnfinishedTable.js';
import { abandonedIds, isRecent, rowId, selectableIds, storedBytes } from './unfinished-rows.js';
import type { AbortUploads } from './use-abort-uploads.js';
import './unfinished.css';

/** Why 200 rows at a time: a long list stays quick to draw and to tab through; "Show more" adds the next. */
const PAGE_SIZE = 200;

/** What the results are drawn from. */
export interface UnfinishedResultsProps {
  readonly listing: UnfinishedListing;
  /** The prefix the listing was asked with ('' for the whole bucket). */
  readonly prefix: string;
  /** When the listing arrived: ages are judged against it. */
  readonly nowMs: number;
  readonly aborts: AbortUploads;
}

/** The results. */
export function UnfinishedResults({ listing, prefix, nowMs, aborts }: UnfinishedResultsProps) {
  const { t } = useTranslation('unfinished');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState(PAGE_SIZE);
  const [confirming, setConfirming] = useState(false);
  const { uploads, bucket, profile } = listing;

  if (uploads.length === 0) {
    return (
      <div className="empty-state" data-testid="unfinished-empty">
        <p className="empty-state-title">{prefix === '' ? t('empty.title', { bucket }) : t('empty.titleUnderPrefix', { bucket, prefix })}</p>
        <p className="muted">{t('empty.body')}</p>
      </div>
    );
  }

  const selectable = selectableIds(uploads, aborts.outcomes);
  // Rows that stopped being selectable (aborted, already gone) leave the selection by themselves.
  const chosenIds = new Set(selectable.filter((id) => selected.has(id)));
  const chosen = uploads.filter((upload) => chosenIds.has(rowId(upload)));
  const recentChosen = chosen.filter((upload) => isRecent(upload, nowMs)).length;
  const abandoned = abandonedIds(uploads, aborts.outcomes, nowMs);
  const running = aborts.run.kind === 'running';
  const count = chosen.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const confirm = () => {
    setConfirming(false);
    void aborts.abort(profile, chosen);
  };

  const body = [t('confirm.body', { count }), ...(recentChosen === 0 ? [] : [t('confirm.recent', { count: recentChosen })])].join(' ');
  const held = storedBytes(uploads);
  const found = { count: uploads.length, bucket, profile, prefix };
  const summary =
    held === undefined
      ? prefix === ''
        ? t('summary', found)
        : t('summaryUnderPrefix', found)
      : prefix === ''
        ? t('summaryHolding', { ...found, size: formatBytes(held) })
        : t('summaryUnderPrefixHolding', { ...found, size: formatBytes(held) });

  return (
    <div className="unfinished-results" data-testid="unfinished-results">
      <p className="unfinished-summary" data-testid="unfinished-summary">
        {summary}
      </p>
      {!listing.complete && (
        <div className="callout callout-warning unfinished-incomplete" data-testid="unfinished-incomplete">
          <p className="callout-title">{t('incomplete.title', { count: uploads.length })}</p>
          <p>{t('incomplete.body')}</p>
        </div>
      )}
      {listing.sizesMissing?.reason === 'too-many' && (
        <div className="callout unfinished-sizes-omitted" data-testid="unfinished-sizes-omitted">
          <p className="callout-title">{t('sizesOmitted.title')}</p>
          <p>{t('sizesOmitted.body', { max: MAX_SIZED_UPLOADS })}</p>
        </div>
      )}
      {listing.sizesMissing?.reason === 'refused' && <HostErrorNote error={listing.sizesMissing.error} title={t('sizesRefused.title')} testId="unfinished-sizes-refused" />}
      <div className="toolbar unfinished-selection">
        <span className="unfinished-count" data-testid="unfinished-selected">
          {count === 0 ? t('selection.none') : t('selection.count', { count })}
        </span>
        <button type="button" className="button" onClick={() => setSelected(new Set(abandoned))} disabled={abandoned.length === 0} data-testid="select-abandoned">
          {t('selection.olderThanDay')}
        </button>
        <button type="button" className="button" onClick={() => setSelected(new Set())} disabled={count === 0} data-testid="clear-selection">
          {t('selection.clear')}
        </button>
        {/* aria-disabled, not disabled: the button keeps the focus the dialog gives back to it while the run goes. */}
        <button
          type="button"
          className="button button-danger"
          aria-disabled={count === 0 || running}
          onClick={() => {
            if (count > 0 && !running) setConfirming(true);
          }}
          data-testid="abort-selected"
        >
          {running ? t('selection.aborting') : t('selection.abort')}
        </button>
      </div>
      <AbortRunStatus run={aborts.run} />
      {aborts.run.kind === 'done' && aborts.run.error !== undefined && <HostErrorNote error={aborts.run.error} title={t('result.requestFailed')} testId="unfinished-abort-error" />}
      <UnfinishedTable
        bucket={bucket}
        sized={held !== undefined}
        uploads={uploads.slice(0, shown)}
        selectable={selectable}
        chosen={chosenIds}
        outcomes={aborts.outcomes}
        nowMs={nowMs}
        onToggle={toggle}
        onToggleAll={(on) => setSelected(new Set(on ? selectable : []))}
      />
      {uploads.length > shown && (
        <button type="button" className="button unfinished-more" onClick={() => setShown((previous) => previous + PAGE_SIZE)} data-testid="unfinished-more">
          {t('more', { count: Math.min(PAGE_SIZE, uploads.length - shown), shown, total: uploads.length })}
        </button>
      )}
      {confirming && (
        <ConfirmDialog title={t('confirm.title', { count })} body={body} confirmLabel={t('confirm.action', { count })} onConfirm={confirm} onCancel={() => setConfirming(false)} />
      )}
    </div>
  );
}
