/**
 * The tray's "Recent uploads": the last few finished uploads that have a share link, newest first, seeded
 * from the history at start and kept current as uploads finish. Links that have expired are left out when
 * the list is read, so the tray never copies a dead link.
 */
import type { HistoryEntryView } from '../shared/ipc/transfer-requests.js';
import type { ShareLink } from '../shared/transfer.js';
import type { FinishedTransfer } from './queue-model.js';

/** One entry of the submenu. */
export interface RecentUpload {
  readonly id: string;
  /** What the menu shows: the file's name. */
  readonly name: string;
  readonly link: ShareLink;
}

/** Why 5: a tray submenu longer than that is scanned, not read; the window's history has the rest. */
export const RECENT_UPLOADS_LIMIT = 5;

function lastSegment(key: string): string {
  return key.split('/').filter((part) => part !== '').pop() ?? key;
}

/** See the module comment. */
export class RecentUploads {
  #entries: RecentUpload[] = [];

  /** Starts from history entries (newest first), keeping those with a link. */
  seed(entries: readonly HistoryEntryView[]): void {
    const seeded: RecentUpload[] = [];
    for (const entry of entries) {
      const link = entry.result.link;
      if (link !== undefined) seeded.push({ id: entry.id, name: lastSegment(entry.result.key), link });
    }
    this.#entries = [...this.#entries, ...seeded.filter((s) => !this.#entries.some((e) => e.id === s.id))].slice(
      0,
      RECENT_UPLOADS_LIMIT,
    );
  }

  /** Puts finished uploads with a link in front. Returns true when the list changed. */
  add(finished: readonly FinishedTransfer[]): boolean {
    let changed = false;
    for (const item of finished) {
      if (item.kind !== 'done' || item.result.link === undefined) continue;
      const entry: RecentUpload = { id: item.id, name: item.name, link: item.result.link };
      this.#entries = [entry, ...this.#entries.filter((e) => e.id !== item.id)].slice(0, RECENT_UPLOADS_LIMIT);
      changed = true;
    }
    return changed;
  }

  /** The entries whose link still works at `now` (ms since the epoch), newest first. */
  list(now: number): readonly RecentUpload[] {
    return this.#entries.filter((entry) => entry.link.kind === 'public' || Date.parse(entry.link.expiresAt) > now);
  }
}
