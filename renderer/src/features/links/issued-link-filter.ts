/**
 * Which issued links the list shows: active ones (not yet expired, by the clock now), expired ones, or
 * all, narrowed by a search over key, profile and bucket.
 */
import type { IssuedLinkView } from '../../../../electron/shared/ipc/link-types.js';

/** Which links to show. */
export type IssuedLinkFilter = 'active' | 'expired' | 'all';

/** A link's state at `now` (milliseconds since the epoch). */
export type IssuedLinkStatus = 'active' | 'expired';

/** Whether `link` still works at `now`, as far as its expiry goes. */
export function linkStatus(link: Pick<IssuedLinkView, 'expiresAt'>, now: number): IssuedLinkStatus {
  return Date.parse(link.expiresAt) > now ? 'active' : 'expired';
}

/** The links that pass `filter` at `now` and contain `search` (case-insensitive) in key, profile or bucket. */
export function filterIssuedLinks(links: readonly IssuedLinkView[], filter: IssuedLinkFilter, search: string, now: number): readonly IssuedLinkView[] {
  const needle = search.trim().toLocaleLowerCase();
  return links.filter(
    (link) =>
      (filter === 'all' || linkStatus(link, now) === filter) &&
      (needle === '' || [link.key, link.profile, link.bucket].some((field) => field.toLocaleLowerCase().includes(needle))),
  );
}
