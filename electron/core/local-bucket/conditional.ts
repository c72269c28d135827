/**
 * The conditional headers of GetObject and HeadObject, evaluated as OSS and RFC 9110 (section 13.2.2) do:
 *
 * 1. `If-Match` (the stored ETag, or `*`) fails with 412 PreconditionFailed when it does not match;
 *    without it, `If-Unmodified-Since` fails with 412 when the object changed after that time.
 * 2. `If-None-Match` answers 304 Not Modified when it matches; without it, `If-Modified-Since` answers 304
 *    when the object did not change after that time.
 *
 * A browser that reloads a download link, or an SDK's `getObject({ ifNoneMatch })`, then gets a 304 with
 * no body instead of the whole object again. Dates are compared in whole seconds (what Last-Modified
 * carries); a date that does not parse, like an unknown header, is ignored.
 */

/** What the headers call for. */
export type ConditionalDecision =
  | { readonly kind: 'proceed' }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'precondition-failed'; readonly condition: 'If-Match' | 'If-Unmodified-Since' };

/** The request's conditional headers (lower-case names, as Node gives them). */
export interface ConditionalHeaders {
  readonly 'if-match'?: string | undefined;
  readonly 'if-none-match'?: string | undefined;
  readonly 'if-modified-since'?: string | undefined;
  readonly 'if-unmodified-since'?: string | undefined;
}

/** The object as the conditions see it. */
export interface ConditionalTarget {
  /** The stored ETag, quoted (`"9B2CF535F27731C974343645A3985328"`). */
  readonly etag: string;
  /** Last modification, ms since the epoch. */
  readonly lastModifiedMs: number;
}

/** Evaluates the conditional headers of a GET or HEAD against the object (see the module comment). */
export function evaluateConditions(headers: ConditionalHeaders, target: ConditionalTarget): ConditionalDecision {
  const modifiedSeconds = Math.floor(target.lastModifiedMs / 1000);
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    if (!listMatches(ifMatch, target.etag, 'strong')) return { kind: 'precondition-failed', condition: 'If-Match' };
  } else {
    const since = httpDateSeconds(headers['if-unmodified-since']);
    if (since !== undefined && modifiedSeconds > since) return { kind: 'precondition-failed', condition: 'If-Unmodified-Since' };
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (listMatches(ifNoneMatch, target.etag, 'weak')) return { kind: 'not-modified' };
  } else {
    const since = httpDateSeconds(headers['if-modified-since']);
    if (since !== undefined && modifiedSeconds <= since) return { kind: 'not-modified' };
  }
  return { kind: 'proceed' };
}

/** One entity tag of a list: its opaque value (quotes removed) and whether it was marked weak (`W/`). */
interface EntityTag {
  readonly weak: boolean;
  readonly opaque: string;
}

/**
 * Whether the header's list (`*`, or comma-separated entity tags) names `etag`. Strong comparison (If-Match)
 * accepts no weak tag; weak comparison (If-None-Match) ignores the `W/` mark. A bare, unquoted value (as
 * some clients send an ETag copied without its quotes) is taken as that value.
 */
function listMatches(header: string, etag: string, comparison: 'strong' | 'weak'): boolean {
  if (header.trim() === '*') return true;
  const stored = unquote(etag);
  return parseEntityTags(header).some((tag) => tag.opaque === stored && (comparison === 'weak' || !tag.weak));
}

/** Splits an entity-tag list; commas inside quotes (not valid in an ETag, but harmless) do not split. */
function parseEntityTags(header: string): EntityTag[] {
  const tags: EntityTag[] = [];
  for (const match of header.matchAll(/\s*(W\/)?("[^"]*"|[^,\s]+)\s*(?:,|$)/g)) {
    const raw = match[2];
    if (raw === undefined || raw === '') continue;
    tags.push({ weak: match[1] !== undefined, opaque: unquote(raw) });
  }
  return tags;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/**
 * An HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`, or the obsolete RFC 850 and asctime forms) in whole
 * seconds since the epoch; undefined when absent or not a date. All three forms carry a time of day, which
 * is required: `Date.parse` alone would read `0` as the year 2000. The asctime form names no zone and is
 * GMT, where `Date.parse` would assume local time.
 */
function httpDateSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/\b\d{2}:\d{2}:\d{2}\b/.test(text)) return undefined;
  const ms = Date.parse(/\b(GMT|UTC)$/i.test(text) ? text : `${text} GMT`);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}
