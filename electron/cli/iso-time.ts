/**
 * Instants on the command line: ISO 8601 / RFC 3339 date-times that say which time zone they are in.
 *
 * `2024-11-12T08:32:38Z`, `2024-11-12T16:32:38+08:00`, `2024-11-12T16:32:38+0800` and fractions of a second
 * (`08:32:38.250Z`) are accepted. A time without `Z` or an offset is refused rather than guessed at (local
 * time or UTC?), as are dates alone, week or ordinal dates, and impossible dates such as February 30th.
 */
import { DropsignError } from '../shared/errors.js';

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses `text` into milliseconds since the Unix epoch. Throws `invalid-time` (naming `flag`) for anything
 * that is not a complete date-time with `Z` or a numeric offset.
 */
export function parseIsoInstant(text: string, flag: string): number {
  const m = ISO_INSTANT.exec(text);
  const fail = (why: string): DropsignError =>
    new DropsignError(
      'invalid-time',
      `${flag} must be an ISO 8601 date-time with Z or an offset${why}; got ${JSON.stringify(text)}.`,
      `For example ${flag} 2024-11-12T08:32:38Z or ${flag} 2024-11-12T16:32:38+08:00.`,
      { flag },
    );
  if (m === null) throw fail('');
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ?? '';
  const millis = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw fail(' (no such date)');
  if (hour > 23 || minute > 59 || second > 59) throw fail(' (no such time of day)');
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const sign = m[9] === '-' ? -1 : 1;
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) throw fail(' (no such offset)');
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  return utcMillis(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** `Date.UTC` without its quirk of reading years 0..99 as 1900..1999. */
function utcMillis(
  year: number,
  monthIndex: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMillis(year, month, 0, 0, 0, 0, 0)).getUTCDate();
}
