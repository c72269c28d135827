/**
 * The history screen: a search box (asked once typing pauses), the finished uploads newest first, "Load
 * more" for older ones, and an empty state. How many rows are shown is said in a live region.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HostErrorNote } from '../profiles/HostErrorNote.js';
import { HistoryTable } from './HistoryTable.js';
import { useDebouncedValue } from './use-debounced-value.js';
import { useHistoryPages } from './use-history-pages.js';
import './history.css';

/** Why 300 ms: about the pause between words when typing; shorter asks the host for every letter. */
const SEARCH_DEBOUNCE_MS = 300;

/** Why 256: the contract's bound on the search text. */
const MAX_SEARCH_LENGTH = 256;

/** The screen. */
export function HistoryPage() {
  const { t } = useTranslation('history');
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const { state, loadMore } = useHistoryPages(search);
  // Links' expiry is judged against the time the page was drawn.
  const nowMs = Date.now();

  const summary =
    state.kind !== 'loaded' || state.entries.length === 0
      ? ''
      : state.nextBefore === undefined
        ? t('shown', { count: state.entries.length })
        : t('shownMore', { count: state.entries.length });

  return (
    <section className="page history-page" data-testid="history-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <form className="toolbar history-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-search`}>{t('search.label')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('search.placeholder')}
          aria-describedby={`${id}-search-help`}
          maxLength={MAX_SEARCH_LENGTH}
          spellCheck={false}
          data-testid="history-search"
        />
        <p className="help-text history-search-help" id={`${id}-search-help`}>
          {t('search.help')}
        </p>
      </form>
      <p className="visually-hidden" role="status" data-testid="history-summary">
        {summary}
      </p>
      {state.kind === 'loading' && <p className="muted">{t('loading')}</p>}
      {state.kind === 'failed' && <HostErrorNote error={state.error} title={t('failed')} />}
      {state.kind === 'loaded' && state.entries.length === 0 && (
        <div className="empty-state" data-testid="history-empty">
          <p className="empty-state-title">{search.trim() === '' ? t('emptyTitle') : t('noMatchTitle', { text: search.trim() })}</p>
          <p className="muted">{search.trim() === '' ? t('emptyBody') : t('noMatchBody')}</p>
        </div>
      )}
      {state.kind === 'loaded' && state.entries.length > 0 && (
        <>
          <HistoryTable entries={state.entries} nowMs={nowMs} />
          {state.moreError !== undefined && <HostErrorNote error={state.moreError} title={t('failed')} />}
          {state.nextBefore !== undefined && (
            <button type="button" className="button load-more" onClick={() => void loadMore()} disabled={state.loadingMore} data-testid="load-more">
              {state.loadingMore ? t('loadingMore') : t('loadMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
