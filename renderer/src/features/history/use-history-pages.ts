/**
 * The upload history in pages (`history:list`): the first page for the search text, read again when the
 * text changes or an upload finishes, and older pages appended with the `nextBefore` cursor. Answers to
 * an older search (or a page asked for before it) are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { HistoryEntryView, HistoryQuery } from '../../../../electron/shared/ipc/transfer-requests.js';
import { useBridge } from '../../app/bridge-context.js';
import { useAppStore } from '../../store/index.js';
import type { AppState } from '../../store/index.js';

/** Why 50: a screenful or two of rows per page (the host's own default). */
export const HISTORY_PAGE_SIZE = 50;

/** The history as shown. */
export type HistoryState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ErrorInfo }
  | {
      readonly kind: 'loaded';
      readonly entries: readonly HistoryEntryView[];
      /** The cursor of the next (older) page; absent on the last page. */
      readonly nextBefore?: string;
      readonly loadingMore: boolean;
      readonly moreError?: ErrorInfo;
    };

/** The query of a page: the search text (left out when empty), the page size, the cursor. */
function queryOf(text: string, before?: string): HistoryQuery {
  const needle = text.trim();
  return { ...(needle === '' ? {} : { text: needle }), limit: HISTORY_PAGE_SIZE, ...(before === undefined ? {} : { before }) };
}

/** How many uploads in the queue have finished: when it grows, the history has new entries. */
function finishedCount(state: AppState): number {
  let count = 0;
  for (const row of state.transfers.values()) if (row.state.kind === 'done') count += 1;
  return count;
}

/** The pages for search `text` (already debounced), and the function that loads the next one. */
export function useHistoryPages(text: string): { readonly state: HistoryState; readonly loadMore: () => Promise<void> } {
  const { api } = useBridge();
  const finished = useAppStore(finishedCount);
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    void api.invoke('history:list', queryOf(text)).then((answer) => {
      if (mine !== generation.current) return;
      if (!answer.ok) return setState({ kind: 'failed', error: answer.error });
      const { entries, nextBefore } = answer.value;
      setState({ kind: 'loaded', entries, loadingMore: false, ...(nextBefore === undefined ? {} : { nextBefore }) });
    });
    return () => void (generation.current += 1);
  }, [api, text, finished]);

  const loadMore = useCallback(async () => {
    if (state.kind !== 'loaded' || state.nextBefore === undefined || state.loadingMore) return;
    const mine = generation.current;
    const { entries, nextBefore } = state;
    setState({ kind: 'loaded', entries, nextBefore, loadingMore: true });
    const answer = await api.invoke('history:list', queryOf(text, nextBefore));
    if (mine !== generation.current) return;
    if (!answer.ok) return setState({ kind: 'loaded', entries, nextBefore, loadingMore: false, moreError: answer.error });
    const next = answer.value.nextBefore;
    setState({ kind: 'loaded', entries: [...entries, ...answer.value.entries], loadingMore: false, ...(next === undefined ? {} : { nextBefore: next }) });
  }, [api, state, text]);

  return { state, loadMore };
}
