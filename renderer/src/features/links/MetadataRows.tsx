/**
 * User metadata of an upload link: name/value rows to add and remove, each checked as the contract
 * checks it (names: lower-case letters, digits and `-`; values: plain ASCII).
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldProblem } from './FieldProblem.js';
import { fieldId } from './form-problems.js';
import type { FormSectionProps } from './form-section-props.js';
import { MAX_METADATA_ROWS, type MetadataRow } from './link-form-values.js';

/** See the module comment. */
export function MetadataRows({ values, change, problems }: FormSectionProps) {
  const { t } = useTranslation('links');
  const rows = values.metadata;
  // Row ids only have to differ within this form; start above any id the rows already use.
  const nextId = useRef(Math.max(0, ...rows.map((row) => row.id)) + 1);
  const update = (id: number, patch: Partial<Omit<MetadataRow, 'id'>>) => change({ metadata: rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) });
  const add = () => {
    const id = nextId.current++;
    change({ metadata: [...rows, { id, name: '', value: '' }] });
    // The new row's name field is where the user types next.
    window.setTimeout(() => document.getElementById(fieldId(`metaName-${id}`))?.focus(), 0);
  };
  const remove = (index: number, id: number) => {
    change({ metadata: rows.filter((row) => row.id !== id) });
    // Keep keyboard focus in the list: on the row that took this one's place, or on "Add".
    const next = rows[index + 1] ?? rows[index - 1];
    window.setTimeout(() => document.getElementById(next === undefined ? 'link-metadata-add' : fieldId(`metaName-${next.id}`))?.focus(), 0);
  };
  return (
    <fieldset className="form-section" aria-describedby="link-metadata-hint">
      <legend>{t('form.metadata')}</legend>
      <p id="link-metadata-hint" className="help-text">
        {t('form.metadataHint')}
      </p>
      {rows.length > 0 && (
        <ul className="links-metadata" data-testid="metadata-rows">
          {rows.map((row, index) => {
            const position = index + 1;
            return (
              <li key={row.id} className="links-metadata-row">
                <div className="form-field">
                  <input
                    id={fieldId(`metaName-${row.id}`)}
                    aria-label={t('form.metadataNameOf', { index: position })}
                    placeholder={t('form.metadataName')}
                    value={row.name}
                    spellCheck={false}
                    autoCapitalize="none"
                    onChange={(event) => update(row.id, { name: event.target.value })}
                    {...describedBy(`metaName-${row.id}`, problems)}
                  />
                  <FieldProblem field={`metaName-${row.id}`} problems={problems} />
                </div>
                <div className="form-field">
                  <input
                    id={fieldId(`metaValue-${row.id}`)}
                    aria-label={t('form.metadataValueOf', { index: position })}
                    placeholder={t('form.metadataValue')}
                    value={row.value}
                    onChange={(event) => update(row.id, { value: event.target.value })}
                    {...describedBy(`metaValue-${row.id}`, problems)}
                  />
                  <FieldProblem field={`metaValue-${row.id}`} problems={problems} />
                </div>
                <button type="button" className="button" aria-label={t('form.metadataRemove', { index: position })} onClick={() => remove(index, row.id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button id="link-metadata-add" type="button" className="button links-metadata-add" onClick={add} disabled={rows.length >= MAX_METADATA_ROWS}>
        {t('form.metadataAdd')}
      </button>
      {rows.length >= MAX_METADATA_ROWS && <p className="help-text">{t('form.metadataFull', { count: MAX_METADATA_ROWS })}</p>}
    </fieldset>
  );
}
