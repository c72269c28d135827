/**
 * What a history row shows of an entry: the file's name (the last part of its path, whichever the
 * separator), the endpoint's host, and the state of its share link. Pure.
 */
import type { HistoryEntryView } from '../../../../electron/shared/ipc/transfer-requests.js';

/** The file name of `path` (`/a/b/c.txt`, `C:\a\c.txt` → `c.txt`). */
export function fileNameOf(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts.findLast((part) => part !== '') ?? path;
}

/** The host (and port) of an endpoint URL, or the URL itself when it does not parse. */
export function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host || endpoint;
  } catch {
    return endpoint;
  }
}

/** An entry's share link as the row shows it. */
export type LinkState =
  | { readonly kind: 'none' }
  | { readonly kind: 'public'; readonly url: string }
  | { readonly kind: 'presigned'; readonly url: string; readonly expiresAt: string; readonly expired: boolean };

/** The link of `entry` at `nowMs`. */
export function linkStateOf(entry: HistoryEntryView, nowMs: number): LinkState {
  const link = entry.result.link;
  if (link === undefined) return { kind: 'none' };
  if (link.kind === 'public') return { kind: 'public', url: link.url };
  return { kind: 'presigned', url: link.url, expiresAt: link.expiresAt, expired: Date.parse(link.expiresAt) <= nowMs };
}
