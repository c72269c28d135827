/**
 * The register of issued links (`#/links`): each link's method, key, profile, times and whether it
 * still works (live, from its expiry), with copy, inspect, save drop page (active upload links) and
 * forget; a filter, a search box, CSV export, what the bucket's CORS must allow for drop pages, and why
 * forgetting a link does not revoke it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { useBridge } from '../../app/bridge-context.js';
import { currentLanguage } from '../../i18n/index.js';
import { downloadText } from './download-text.js';
import { ErrorNote } from './ErrorNote.js';
import { filterIssuedLinks, type IssuedLinkFilter } from './issued-link-filter.js';
import { IssuedLinkRow } from './IssuedLinkRow.js';
import { RevocationHelp } from './RevocationHelp.js';
import { useHostValue } from './use-host-value.js';
import { useNow } from './use-now.js';
import { useOpenInspector } from './use-open-inspector.js';
import { useSaveDropPage } from './use-save-drop-page.js';
import './links-common.css';
import './issued-links.css';

const FILTERS: readonly IssuedLinkFilter[] = ['active', 'expired', 'all'];
const FILTER_LABELS = { active: 'issued.filterActive', expired: 'issued.filterExpired', all: 'issued.filterAll' } as const;

/** A forget in progress: which link is asked about, and how it went. */
type Forgetting = { readonly id: string; readonly busy: boolean; readonly error?: ErrorInfo };

/** The screen. */
export function IssuedLinksPage() {
  const { t } = useTranslation('links');
  const { api } = useBridge();
  const openInspector = useOpenInspector();
  const now = useNow();
  const { state, reload } = useHostValue('links:list', []);
  const [filter, setFilter] = useState<IssuedLinkFilter>('all');
  const [search, setSearch] = useState('');
  const [forgetting, setForgetting] = useState<Forgetting | undefined>(undefined);
  const [exporting, setExporting] = useState<{ readonly busy: boolean; readonly error?: ErrorInfo }>({ busy: false });
  const { saving, save } = useSaveDropPage();

  const exportCsv = async () => {
    setExporting({ busy: true });
    const answer = await api.invoke('links:export-csv');
    if (answer.ok) downloadText(answer.value.fileName, answer.value.csv, 'text/csv;charset=utf-8');
    setExporting(answer.ok ? { busy: false } : { busy: false, error: answer.error });
  };
  const forget = async (id: string) => {
    setForgetting({ id, busy: true });
    const answer = await api.invoke('links:forget', id);
    if (!answer.ok) {
      setForgetting({ id, busy: false, error: answer.error });
      return;
    }
    setForgetting(undefined);
    reload();
    // The row and its buttons are gone: keep keyboard focus on the list's controls.
    document.getElementById('issued-search')?.focus();
  };
  const keep = (id: string) => {
    setForgetting(undefined);
    // Link ids are letters, digits, `.`, `_` and `-` (the contract's pattern), safe inside the quotes.
    window.setTimeout(() => document.querySelector<HTMLElement>(`[data-id="${id}"] [data-testid="forget"]`)?.focus(), 0);
  };

  const links = state.kind === 'ready' ? state.value.links : [];
  const shown = filterIssuedLinks(links, filter, search, now);
  return (
    <section className="page links-page" aria-labelledby="issued-title">
      <h1 id="issued-title">{t('issued.title')}</h1>
      <p className="muted">{t('issued.intro')}</p>
      <div className="toolbar links-toolbar" role="search">
        <fieldset className="form-section links-inline">
          <legend className="visually-hidden">{t('issued.filter')}</legend>
          <span aria-hidden="true">{t('issued.filter')}</span>
          {FILTERS.map((value) => (
            <label key={value}>
              <input type="radio" name="issued-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} /> {t(FILTER_LABELS[value])}
            </label>
          ))}
        </fieldset>
        <label htmlFor="issued-search" className="visually-hidden">
          {t('issued.search')}
        </label>
        <input id="issued-search" type="search" value={search} placeholder={t('issued.searchPlaceholder')} onChange={(event) => setSearch(event.target.value)} />
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={exporting.busy} data-testid="export-csv">
          {exporting.busy ? t('issued.exporting') : t('issued.exportCsv')}
        </button>
      </div>
      {exporting.error !== undefined && <ErrorNote title={t('issued.exportCsv')} error={exporting.error} testId="export-error" />}
      {state.kind === 'loading' && <p className="help-text">{t('issued.loading')}</p>}
      {state.kind === 'failed' && (
        <>
          <ErrorNote title={t('issued.title')} error={state.error} testId="issued-error" />
          <button type="button" className="button" onClick={reload}>
            {t('issued.retry')}
          </button>
        </>
      )}
      {state.kind === 'ready' && (
        <>
          <p className="help-text" aria-live="polite" data-testid="issued-count">
            {links.length === 0 ? t('issued.empty') : shown.length === 0 ? t('issued.noMatch') : t('issued.countShown', { shown: shown.length, total: state.value.total })}
          </p>
          {shown.length > 0 && (
            <div className="links-table-wrap">
              <table className="data-table" data-testid="issued-links">
                <thead>
                  <tr>
                    <th scope="col">{t('issued.method')}</th>
                    <th scope="col">{t('issued.key')}</th>
                    <th scope="col">{t('issued.profile')}</th>
                    <th scope="col">{t('issued.issuedAt')}</th>
                    <th scope="col">{t('issued.expiresAt')}</th>
                    <th scope="col">{t('issued.status')}</th>
                    <th scope="col">{t('issued.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((link) => (
                    <IssuedLinkRow
                      key={link.id}
                      link={link}
                      now={now}
                      confirming={forgetting?.id === link.id}
                      forgetting={forgetting?.id === link.id && forgetting.busy}
                      forgetError={forgetting?.id === link.id ? forgetting.error : undefined}
                      savingDropPage={saving.kind === 'busy' && saving.id === link.id}
                      dropPageError={saving.kind === 'failed' && saving.id === link.id ? saving.error : undefined}
                      onSaveDropPage={() => void save(link.id, currentLanguage())}
                      onInspect={() => openInspector(link.url)}
                      onAskForget={() => setForgetting({ id: link.id, busy: false })}
                      onForget={() => void forget(link.id)}
                      onKeep={() => keep(link.id)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {shown.some((link) => link.method === 'PUT') && (
            <p className="help-text links-drop-page-note" data-testid="drop-page-note">
              {t('dropPage.listNote')}
            </p>
          )}
          <p className="visually-hidden" aria-live="polite" data-testid="drop-page-saved">
            {saving.kind === 'saved' ? t('dropPage.saved', { fileName: saving.fileName }) : ''}
          </p>
        </>
      )}
      <RevocationHelp />
    </section>
  );
}
