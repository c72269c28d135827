/**
 * One transfer: name and destination key, size, a progress bar, speed and time left, status, its
 * controls, and when it failed the error in plain words. Subscribes to its own row only, so progress
 * elsewhere does not re-render it; the virtual list places it (`start`) and measures it (`measure`).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferId } from '../../../../electron/shared/transfer.js';
import { visibleLine } from '../../../../electron/shared/visible-text.js';
import { formatBytes, formatPercent } from '../../app/format.js';
import { currentLanguage } from '../../i18n/index.js';
import { useAppStore } from '../../store/index.js';
import { ErrorExplanation } from '../notices/ErrorExplanation.js';
import { RowActions } from './RowActions.js';
import { rateText, rowError, sentFraction, statusText } from './status-text.js';
import { useSeconds } from './use-seconds.js';
import { useTransferAction } from './use-transfer-actions.js';

/** Where the list puts the row, and how it tells the list about focus. */
export interface QueueRowProps {
  readonly id: TransferId;
  readonly index: number;
  /** Rows in the (filtered) list, for `aria-setsize`. */
  readonly count: number;
  /** The row keyboard focus is on (the list's one Tab stop). */
  readonly current: boolean;
  /** Pixels from the top of the list. */
  readonly start: number;
  readonly measure: (element: HTMLElement | null) => void;
  readonly onFocusRow: (index: number) => void;
}

/** The row of transfer `id`. */
export const QueueRow = memo(function QueueRow({ id, index, count, current, start, measure, onFocusRow }: QueueRowProps) {
  const { t } = useTranslation('upload');
  const row = useAppStore((state) => state.transfers.get(id));
  const run = useTransferAction(id);
  const now = useSeconds(row?.state.kind === 'waiting-retry');
  if (row === undefined) return null;
  const language = currentLanguage();
  const { state } = row;
  const fraction = sentFraction(row);
  const rate = rateText(row, t, language);
  const error = rowError(row);
  const status = statusText(row, t, language, now);
  const name = visibleLine(row.name);
  const target = row.key === '' ? undefined : `${row.bucket}/${visibleLine(row.key)}`;
  return (
    <div
      role="listitem"
      ref={measure}
      data-index={index}
      aria-setsize={count}
      aria-posinset={index + 1}
      aria-label={t('row.label', { name: row.name, status })}
      tabIndex={current ? 0 : -1}
      className={`transfer-row state-${state.kind}`}
      data-testid="transfer"
      data-state={state.kind}
      data-name={row.name}
      style={{ transform: `translateY(${start}px)` }}
      onFocus={() => onFocusRow(index)}
    >
      <div className="transfer-file">
        <span className="transfer-name" title={name}>
          {name}
        </span>
        <span className="transfer-key" title={target}>
          {target ?? t('row.keyPending')}
        </span>
      </div>
      <span className="transfer-size">{formatBytes(row.size, language)}</span>
      <div className="transfer-progress">
        {fraction !== undefined && (
          <>
            <progress max={1} value={fraction} aria-label={t('row.progress', { name: row.name })} />
            <span className="transfer-percent">{formatPercent(fraction, language)}</span>
          </>
        )}
      </div>
      <div className="transfer-rate">
        <span className="transfer-speed">{rate.speed}</span>
        <span className="transfer-eta">{rate.eta}</span>
      </div>
      <span className="transfer-status" data-testid="status">
        {status}
      </span>
      <RowActions name={row.name} state={state} tabbable={current} run={run} />
      {error !== undefined && (
        <div className="transfer-error" data-testid="row-error">
          <ErrorExplanation error={error} fileName={name} compact={state.kind === 'waiting-retry'} />
        </div>
      )}
    </div>
  );
});
