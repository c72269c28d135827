/**
 * Time checks of request authentication: parsing the signing-time formats and deciding expiry and skew.
 */
import type { OssErrorResponse } from '../oss-errors.js';
import { MAX_SKEW_MS, requestExpired, requestTimeTooSkewed } from './auth-errors.js';

/** `YYYYMMDDTHHMMSSZ`, as in `x-oss-date` and `X-Amz-Date`. */
const COMPACT_DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses `20241112T083238Z` to milliseconds since the epoch, or undefined when it is not a real time. */
export function parseCompactDateTime(value: string): number | undefined {
  const match = COMPACT_DATE_TIME.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number, number, number, number, number, number,
  ];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(time);
  // Reject dates that Date.UTC silently rolls over (2024-02-30, 25:00).
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || check.getUTCHours() !== hour) return undefined;
  if (minute > 59 || second > 59) return undefined;
  return time;
}

/** Parses an HTTP date (`Tue, 12 Nov 2024 08:32:38 GMT`), or undefined. */
export function parseHttpDate(value: string): number | undefined {
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value.trim())) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Checks a presigned URL's window: signed at `signedAtMs`, valid for `expiresSeconds`. A signing time in the
 * future is accepted up to the allowed skew (the client's clock may run ahead); past that, or after the end
 * of validity, the request is refused as OSS refuses it.
 */
export function checkUrlWindow(signedAtMs: number, expiresSeconds: number, nowMs: number): OssErrorResponse | undefined {
  if (signedAtMs - nowMs > MAX_SKEW_MS) return requestTimeTooSkewed(signedAtMs, nowMs);
  const expiresAtMs = signedAtMs + expiresSeconds * 1000;
  if (nowMs > expiresAtMs) return requestExpired(expiresAtMs, nowMs);
  return undefined;
}

/** Checks a header-signed request's time: it must be within the allowed skew of the server's clock, either way. */
export function checkRequestTime(requestTimeMs: number, nowMs: number): OssErrorResponse | undefined {
  return Math.abs(requestTimeMs - nowMs) > MAX_SKEW_MS ? requestTimeTooSkewed(requestTimeMs, nowMs) : undefined;
}
