/**
 * The table of unfinished uploads: a checkbox per row (and one in the header for every upload that can
 * be aborted, showing "some" when only some are), the key with its upload id, when it started (local
 * time), its age, what it holds (when the listing says), and its status (resumable here, recent, or what
 * aborting it did).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnfinishedAbortOutcome, UnfinishedUploadView } from '../../../../electron/shared/ipc/unfinished-types.js';
import { UnfinishedRow } from './UnfinishedRow.js';
import { rowId } from './unfinished-rows.js';
import './unfinished.css';

/** What the table shows and how it reports choices. */
export interface UnfinishedTableProps {
  readonly bucket: string;
  /** True when the listing says what each upload holds: the "Holds" column is drawn. */
  readonly sized: boolean;
  /** The rows drawn (the first page or pages of the listing). */
  readonly uploads: readonly UnfinishedUploadView[];
  /** Ids of every row of the listing that may be chosen, drawn or not. */
  readonly selectable: readonly string[];
  /** Ids chosen. */
  readonly chosen: ReadonlySet<string>;
  readonly outcomes: ReadonlyMap<string, UnfinishedAbortOutcome>;
  readonly nowMs: number;
  readonly onToggle: (id: string, on: boolean) => void;
  readonly onToggleAll: (on: boolean) => void;
}

/** The table. */
export function UnfinishedTable({ bucket, sized, uploads, selectable, chosen, outcomes, nowMs, onToggle, onToggleAll }: UnfinishedTableProps) {
  const { t } = useTranslation('unfinished');
  const all = useRef<HTMLInputElement>(null);
  const allChosen = selectable.length > 0 && chosen.size === selectable.length;
  const someChosen = chosen.size > 0 && !allChosen;
  useEffect(() => {
    // `indeterminate` is a property only (no attribute), so React cannot set it.
    if (all.current !== null) all.current.indeterminate = someChosen;
  }, [someChosen]);
  const selectableHere = new Set(selectable);
  return (
    <table className="data-table unfinished-table" data-testid="unfinished-table">
      <caption className="visually-hidden">{t('table.caption', { bucket })}</caption>
      <thead>
        <tr>
          <th scope="col" className="unfinished-check">
            <input
              ref={all}
              type="checkbox"
              checked={allChosen}
              disabled={selectable.length === 0}
              onChange={(event) => onToggleAll(event.target.checked)}
              aria-label={t('table.selectAll')}
              data-testid="select-all"
            />
          </th>
          <th scope="col">{t('table.key')}</th>
          <th scope="col">{t('table.started')}</th>
          <th scope="col" className="cell-numeric">
            {t('table.age')}
          </th>
          {sized && (
            <th scope="col" className="cell-numeric">
              {t('table.holds')}
            </th>
          )}
          <th scope="col">{t('table.status')}</th>
        </tr>
      </thead>
      <tbody>
        {uploads.map((upload) => {
          const id = rowId(upload);
          return (
            <UnfinishedRow
              key={id}
              upload={upload}
              sized={sized}
              selectable={selectableHere.has(id)}
              chosen={chosen.has(id)}
              outcome={outcomes.get(id)}
              nowMs={nowMs}
              onToggle={(on) => onToggle(id, on)}
            />
          );
        })}
      </tbody>
    </table>
  );
}
