/**
 * One transfer: name, size, progress, status, the error and its hint, and for a finished upload its
 * share link (copy, open). Subscribes to its own row only, so progress elsewhere does not re-render it.
 */
import { memo } from 'react';
import type { TransferId } from '../../../../electron/shared/transfer.js';
import { formatBytes } from '../../app/format.js';
import { useAppStore } from '../../store/index.js';
import { CopyLinkButton } from './CopyLinkButton.js';
import { rowError, statusText } from './status-text.js';
import { useTransferActions } from './use-transfer-actions.js';

/** The row of transfer `id`. */
export const QueueRow = memo(function QueueRow({ id }: { readonly id: TransferId }) {
  const row = useAppStore((state) => state.transfers.get(id));
  const { retry, cancel } = useTransferActions(id);
  if (row === undefined) return null;
  const { state } = row;
  const error = rowError(row);
  const link = state.kind === 'done' ? state.result.link : undefined;
  const finished = state.kind === 'done' || state.kind === 'skipped';
  return (
    <li className={`queue-row state-${state.kind}`} data-testid="transfer" data-state={state.kind} data-name={row.name}>
      <div className="row-main">
        <span className="row-name" title={row.key === '' ? row.name : row.key}>
          {row.name}
        </span>
        <span className="row-size">{formatBytes(row.size)}</span>
        <progress max={Math.max(row.size, 1)} value={finished ? Math.max(row.size, 1) : row.bytesSent} />
        <span className="row-status" data-testid="status">
          {statusText(row)}
        </span>
        {(state.kind === 'failed' || state.kind === 'canceled') && (
          <button type="button" onClick={retry}>
            Retry
          </button>
        )}
        {(state.kind === 'queued' || state.kind === 'uploading' || state.kind === 'waiting-retry' || state.kind === 'paused') && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
        {link !== undefined && (
          <>
            <CopyLinkButton url={link.url} />
            <a className="open-link" href={link.url} target="_blank" rel="noreferrer" data-testid="link">
              Open
            </a>
          </>
        )}
      </div>
      {error !== undefined && (
        <p className="row-error" role="alert">
          {error.message} <span className="row-hint">{error.hint}</span>
        </p>
      )}
    </li>
  );
});
