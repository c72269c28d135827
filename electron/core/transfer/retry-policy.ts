/**
 * What to do after an attempt failed: wait and retry, re-sign the URL, correct the clock and re-sign, or
 * give up with a typed error. Pure: the caller passes the failure, what has been tried so far, the local
 * clock at receipt and a random source, and acts on the decision.
 *
 * - Network errors (except TLS verification), timeouts, integrity mismatches, 5xx (except 501/505), 429,
 *   408 and OSS's `RequestTimeout` / `IncompleteBody` are retried with exponential back-off and full
 *   jitter, honouring `Retry-After` on 429 and 503.
 * - An expired URL (403 "Request has expired") is re-signed, or, when the server's clock is far from
 *   ours, first teaches the clock offset (a URL signed by a slow clock is expired on arrival).
 * - `RequestTimeTooSkewed` teaches the clock offset from the server's time and re-signs.
 * - Anything else fails at once, with the server's code, request id and a plain explanation.
 * Every path is bounded, so a server that keeps saying "expired" cannot keep an upload looping.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import { attemptErrorInfo, isTlsErrorCode, type AttemptFailure } from './attempt-failure.js';
import { parseServerTime, type HttpFailure } from './http-failure.js';
import { isExpiredAnswer, isSkewAnswer, type ErrorContext } from './oss-error-info.js';

/** The decision. `retry.error` is what to show while waiting (the `waiting-retry` state's `lastError`). */
export type RetryDecision =
  | { readonly kind: 'retry'; readonly delayMs: number; readonly error: ErrorInfo }
  | { readonly kind: 'resign' }
  | { readonly kind: 'adjust-clock'; readonly offsetMs: number }
  | { readonly kind: 'fail'; readonly error: ErrorInfo };

/** How many of each decision have already been acted on for this request (all 0 after the first failure). */
export interface RetryHistory {
  readonly retries: number;
  readonly resigns: number;
  readonly clockAdjustments: number;
}

/** The history before any retry. */
export const NO_RETRIES: RetryHistory = { retries: 0, resigns: 0, clockAdjustments: 0 };

/** The limits. Every field has a default. */
export interface RetryOptions {
  /**
   * Attempts in all for transient failures (so `maxAttempts - 1` retries). Why 8: with the back-off below
   * (ceilings 0.5, 1, 2, 4, 8, 16, 20 s) the seven retries wait about 26 s on average and 52 s at most, which
   * rides out a Wi-Fi hand-over or a proxy restart, yet a dead connection is reported within a minute.
   */
  readonly maxAttempts?: number;
  /** First back-off ceiling. Why 500 ms: a connection reset is often over by then, and it doubles quickly. */
  readonly baseDelayMs?: number;
  /** Back-off ceiling. Why 20 s: past it a user reads the wait as a hang; more waiting rarely helps. */
  readonly maxDelayMs?: number;
  /** Longest `Retry-After` honoured. Why 5 min: a server may ask for long pauses; beyond this we wait this long. */
  readonly maxRetryAfterMs?: number;
  /** Re-signs for expiry. Why 3: a fresh URL that expires three times running is not an expiry problem. */
  readonly maxResigns?: number;
  /** Clock corrections. Why 2: one should do; a second covers the clock being changed meanwhile. */
  readonly maxClockAdjustments?: number;
}

/** What the decision depends on besides the failure. */
export interface RetryEnvironment {
  /** A uniform random number in [0, 1): `Math.random` in production. */
  readonly random: () => number;
  /** The raw local clock (ms, without any offset) when the failure was seen. */
  readonly nowMs: number;
  /** The clock offset currently added when signing (ms). Default 0. */
  readonly clockOffsetMs?: number;
  /** Sharpens the error messages (signed headers, region, bucket, key). */
  readonly context?: ErrorContext;
}

const DEFAULTS: Required<RetryOptions> = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 5 * 60_000,
  maxResigns: 3,
  maxClockAdjustments: 2,
};

/**
 * An "expired" answer while the clocks differ by more than this means our clock is the cause. Why 60 s:
 * far above network delay and the server's one-second time resolution, far below any URL's validity.
 */
const CLOCK_BLAME_MS = 60_000;

const RETRYABLE_CODES = new Set(['RequestTimeout', 'IncompleteBody', 'SlowDown', 'InternalError', 'ServiceUnavailable', 'TooManyRequests']);

/** True when an HTTP answer is worth retrying unchanged. */
export function isRetryableHttp(failure: HttpFailure): boolean {
  if (failure.ossCode !== undefined && RETRYABLE_CODES.has(failure.ossCode)) return true;
  if (failure.status === 501 || failure.status === 505) return false;
  return failure.status >= 500 || failure.status === 429 || failure.status === 408;
}

function isTransient(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case 'network':
      return !isTlsErrorCode(failure.code);
    case 'http':
      return isRetryableHttp(failure);
    case 'integrity':
    case 'timeout':
      return true;
  }
}

/** `Retry-After` in ms: seconds, or an HTTP date measured against the server's own `Date` (else our clock). */
export function retryAfterMs(failure: HttpFailure, nowMs: number): number | undefined {
  const value = failure.retryAfter?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = parseServerTime(value);
  if (at === undefined) return undefined;
  return Math.max(0, at - (parseServerTime(failure.serverDate) ?? nowMs));
}

/** Full jitter: uniform in [0, min(cap, base × 2^retry)]. */
export function backoffDelayMs(retry: number, random: () => number, options: RetryOptions = {}): number {
  const base = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const cap = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  // Why 30: 2^30 × base is far past any cap, and larger exponents only risk overflow to Infinity.
  const ceiling = Math.min(cap, base * 2 ** Math.min(retry, 30));
  return Math.floor(random() * ceiling);
}

/** The server's clock minus our raw clock, from `<ServerTime>` or the `Date` header. */
function serverOffset(failure: HttpFailure, nowMs: number): number | undefined {
  const serverTime = parseServerTime(failure.details?.['ServerTime']) ?? parseServerTime(failure.serverDate);
  return serverTime === undefined ? undefined : serverTime - nowMs;
}

function gaveUp(error: ErrorInfo, note: string): ErrorInfo {
  return { ...error, message: `${error.message} ${note}` };
}

/**
 * Decides what to do after `failure`, given what was already tried (`history`, counting only decisions
 * acted on) and the environment. See the module comment for the rules.
 */
export function decideRetry(failure: AttemptFailure, history: RetryHistory, env: RetryEnvironment, options: RetryOptions = {}): RetryDecision {
  const limits = { ...DEFAULTS, ...options };
  const error = attemptErrorInfo(failure, { ...env.context, receivedAtMs: env.nowMs });
  const currentOffset = env.clockOffsetMs ?? 0;

  if (failure.kind === 'http' && (isSkewAnswer(failure) || isExpiredAnswer(failure))) {
    const offset = serverOffset(failure, env.nowMs);
    const clockIsOff = offset !== undefined && Math.abs(offset - currentOffset) > CLOCK_BLAME_MS;
    if (isSkewAnswer(failure) || clockIsOff) {
      if (offset !== undefined && clockIsOff && history.clockAdjustments < limits.maxClockAdjustments) {
        return { kind: 'adjust-clock', offsetMs: offset };
      }
      if (isSkewAnswer(failure)) {
        return { kind: 'fail', error: offset === undefined ? error : gaveUp(error, 'Correcting for the difference did not help.') };
      }
    }
    if (history.resigns < limits.maxResigns) return { kind: 'resign' };
    return { kind: 'fail', error: gaveUp(error, `It expired again after ${history.resigns} new signature${history.resigns === 1 ? '' : 's'}; check the computer's clock and time zone.`) };
  }

  if (!isTransient(failure)) return { kind: 'fail', error };
  if (history.retries + 1 >= limits.maxAttempts) {
    return { kind: 'fail', error: gaveUp(error, `Gave up after ${history.retries + 1} attempts.`) };
  }
  const asked = failure.kind === 'http' && (failure.status === 429 || failure.status === 503) ? retryAfterMs(failure, env.nowMs) : undefined;
  const delayMs =
    asked === undefined
      ? backoffDelayMs(history.retries, env.random, limits)
      : // A little jitter on top, so many transfers told the same time do not all return at once.
        Math.min(asked, limits.maxRetryAfterMs) + Math.floor(env.random() * limits.baseDelayMs);
  return { kind: 'retry', delayMs, error };
}

/** The history after acting on `decision` (a `fail` leaves it as it is). */
export function recordDecision(history: RetryHistory, decision: RetryDecision): RetryHistory {
  switch (decision.kind) {
    case 'retry':
      return { ...history, retries: history.retries + 1 };
    case 'resign':
      return { ...history, resigns: history.resigns + 1 };
    case 'adjust-clock':
      return { ...history, clockAdjustments: history.clockAdjustments + 1 };
    case 'fail':
      return history;
  }
}
