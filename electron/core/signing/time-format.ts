/**
 * Time formats of the signing schemes. All work on whole seconds since the Unix epoch, in UTC.
 */

// Why 1000: milliseconds per second.
const MS_PER_SECOND = 1000;

/** Whole seconds since the epoch for a millisecond time (fractions dropped, as every SDK does). */
export function toEpochSeconds(timeMs: number): number {
  return Math.floor(timeMs / MS_PER_SECOND);
}

/** ISO 8601 UTC without milliseconds, `2013-05-24T00:00:00Z`. */
export function formatIsoSeconds(epochSeconds: number): string {
  // Why slice(0, 19): `toISOString` is `YYYY-MM-DDTHH:MM:SS.sssZ`; the first 19 characters are the seconds.
  return `${new Date(epochSeconds * MS_PER_SECOND).toISOString().slice(0, 19)}Z`;
}

/** The compact ISO 8601 form of `x-oss-date` and `X-Amz-Date`, `20130524T000000Z`. */
export function formatCompactDateTime(epochSeconds: number): string {
  return formatIsoSeconds(epochSeconds).replace(/[-:]/g, '');
}

/** The `YYYYMMDD` date of a compact date-time (`20130524T000000Z` → `20130524`), as used in the scope. */
export function compactDate(compactDateTime: string): string {
  // Why 8: `YYYYMMDD` is eight characters.
  return compactDateTime.slice(0, 8);
}
