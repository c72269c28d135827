/**
 * `history:list`: the upload history (the engine's `history.jsonl`), newest first, filtered by text, in
 * pages. The cursor is the position of an entry in the file, which only ever grows at the end, so a
 * page boundary stays put while uploads finish. The file is streamed; only a page's worth is held.
 */
import type { HistoryEntryView, HistoryPage, HistoryQuery } from '../../shared/ipc/transfer-requests.js';
import { readUploadHistory, type HistoryEntry } from '../transfer/engine/index.js';

/** Entries per page when the query names no limit. Why 50: a screenful or two of rows. */
export const DEFAULT_HISTORY_PAGE = 50;

function matches(entry: HistoryEntry, needle: string): boolean {
  if (needle === '') return true;
  return [entry.result.key, entry.path, entry.bucket].some((value) => value.toLowerCase().includes(needle));
}

/** One page of the history in `stateDir`. */
export async function queryHistory(stateDir: string, query: HistoryQuery = {}): Promise<HistoryPage> {
  const limit = query.limit ?? DEFAULT_HISTORY_PAGE;
  const before = query.before === undefined ? Number.POSITIVE_INFINITY : Number(query.before);
  const needle = query.text?.trim().toLowerCase() ?? '';
  // The newest matches before the cursor: kept in a window trimmed to `limit` now and then (amortised O(1)).
  let window: { readonly index: number; readonly entry: HistoryEntryView }[] = [];
  let more = false;
  let index = 0;
  for await (const entry of readUploadHistory(stateDir)) {
    const position = index++;
    if (position >= before) break;
    if (!matches(entry, needle)) continue;
    window.push({ index: position, entry });
    if (window.length >= 2 * limit) {
      window = window.slice(-limit);
      more = true;
    }
  }
  if (window.length > limit) {
    window = window.slice(-limit);
    more = true;
  }
  const oldest = window[0];
  return {
    entries: window.map((item) => item.entry).reverse(),
    ...(more && oldest !== undefined ? { nextBefore: String(oldest.index) } : {}),
  };
}
