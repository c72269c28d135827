import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptErrorInfo, type AttemptFailure } from '../../../../electron/core/transfer/attempt-failure.js';
import { httpFailureFromResponse } from '../../../../electron/core/transfer/http-failure.js';
import {
  backoffDelayMs,
  decideRetry,
  NO_RETRIES,
  recordDecision,
  retryAfterMs,
  type RetryDecision,
  type RetryEnvironment,
  type RetryHistory,
} from '../../../../electron/core/transfer/retry-policy.js';
import { errorBody, EXPIRED, INTERNAL_ERROR, SIGNATURE_MISMATCH, SKEWED } from './oss-error-bodies.js';

/** The server's clock in the fixtures: 2024-11-12 09:00:00 UTC. */
const SERVER_NOW = Date.UTC(2024, 10, 12, 9, 0, 0);
const env = (overrides: Partial<RetryEnvironment> = {}): RetryEnvironment => ({ random: () => 0.5, nowMs: SERVER_NOW, ...overrides });
const http = (status: number, body = '', headers: Record<string, string> = {}): AttemptFailure => ({ kind: 'http', ...httpFailureFromResponse(status, headers, body) });

/** Runs the policy the way a scheduler would, failing the same way every time, until it gives up. */
function runUntilFail(failure: AttemptFailure, environment: RetryEnvironment = env()): RetryDecision[] {
  const decisions: RetryDecision[] = [];
  let history: RetryHistory = NO_RETRIES;
  let offset = environment.clockOffsetMs ?? 0;
  for (let i = 0; i < 100; i++) {
    const decision = decideRetry(failure, history, { ...environment, clockOffsetMs: offset });
    decisions.push(decision);
    if (decision.kind === 'fail') return decisions;
    if (decision.kind === 'adjust-clock') offset = decision.offsetMs;
    history = recordDecision(history, decision);
  }
  throw new Error('the policy never gave up');
}

describe('decideRetry', () => {
  it.each<[string, AttemptFailure]>([
    ['a connection reset', { kind: 'network', code: 'ECONNRESET' }],
    ['a DNS failure', { kind: 'network', code: 'ENOTFOUND' }],
    ['a timeout', { kind: 'timeout' }],
    ['a CRC mismatch', { kind: 'integrity', expected: '1', actual: '2' }],
    ['500 InternalError', http(500, INTERNAL_ERROR)],
    ['502 without a body', http(502)],
    ['503', http(503)],
    ['504', http(504)],
    ['429', http(429)],
    ['408', http(408)],
    ['400 RequestTimeout', http(400, errorBody({ Code: 'RequestTimeout', Message: 'Your socket connection to the server was not read from or written to within the timeout period.' }))],
  ])('retries %s with back-off, then fails with the last error after 8 attempts', (_name, failure) => {
    const decisions = runUntilFail(failure);
    expect(decisions.slice(0, -1).every((decision) => decision.kind === 'retry')).toBe(true);
    expect(decisions).toHaveLength(8);
    const last = decisions.at(-1);
    expect(last?.kind).toBe('fail');
    if (last?.kind === 'fail') expect(last.error.message).toMatch(/Gave up after 8 attempts\.$/);
  });

  it.each<[string, AttemptFailure, string]>([
    ['403 AccessDenied', http(403, errorBody({ Code: 'AccessDenied', Message: 'You have no right to access this object.' })), 'access-denied'],
    ['403 SignatureDoesNotMatch', http(403, SIGNATURE_MISMATCH), 'signature-mismatch'],
    ['404 NoSuchBucket', http(404, errorBody({ Code: 'NoSuchBucket', Message: 'The specified bucket does not exist.' })), 'no-such-bucket'],
    ['409 FileAlreadyExists', http(409, errorBody({ Code: 'FileAlreadyExists', Message: 'exists' })), 'object-exists'],
    ['400 InvalidArgument', http(400, errorBody({ Code: 'InvalidArgument', Message: 'bad' })), 'request-rejected'],
    ['501 NotImplemented', http(501, errorBody({ Code: 'NotImplemented', Message: 'no' })), 'server-error'],
    ['a certificate error', { kind: 'network', code: 'CERT_HAS_EXPIRED' }, 'tls-error'],
    ['a self-signed certificate', { kind: 'network', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'tls-error'],
  ])('fails %s at once with its code', (_name, failure, code) => {
    const decision = decideRetry(failure, NO_RETRIES, env());
    expect(decision.kind).toBe('fail');
    if (decision.kind === 'fail') expect(decision.error.code).toBe(code);
  });

  it('keeps the request id and server code of a failed answer', () => {
    const decision = decideRetry(http(403, SIGNATURE_MISMATCH), NO_RETRIES, env());
    expect(decision).toMatchObject({ kind: 'fail', error: { details: { requestId: '6745A3B2C1D0E9F8A7B6C5D8', serverCode: 'SignatureDoesNotMatch', status: 403 } } });
  });

  it('uses full jitter under a doubling ceiling: 500 ms, 1 s, 2 s ... capped at 20 s', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10].map((retry) => backoffDelayMs(retry, () => 0.999999));
    expect(ceilings).toEqual([499, 999, 1999, 3999, 7999, 15_999, 19_999, 19_999]);
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(1000, () => 0.5)).toBe(10_000);
    const decision = decideRetry({ kind: 'timeout' }, { ...NO_RETRIES, retries: 2 }, env({ random: () => 0.25 }));
    expect(decision).toMatchObject({ kind: 'retry', delayMs: 500, error: { code: 'request-timeout' } });
  });

  it('keeps every delay within [0, 20 s] (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, random) => {
        const delay = backoffDelayMs(retry, () => random);
        return delay >= 0 && delay <= 20_000 && Number.isInteger(delay);
      }),
    );
  });

  it('honours Retry-After on 429 and 503, in seconds or as a date, capped at 5 minutes', () => {
    expect(decideRetry(http(429, '', { 'Retry-After': '7' }), NO_RETRIES, env({ random: () => 0 }))).toMatchObject({ kind: 'retry', delayMs: 7000 });
    expect(decideRetry(http(503, '', { 'Retry-After': '7' }), NO_RETRIES, env({ random: () => 0.5 }))).toMatchObject({ kind: 'retry', delayMs: 7250 });
    const dated = http(503, '', { 'Retry-After': 'Tue, 12 Nov 2024 09:00:30 GMT', Date: 'Tue, 12 Nov 2024 09:00:00 GMT' });
    expect(decideRetry(dated, NO_RETRIES, env({ random: () => 0, nowMs: 0 }))).toMatchObject({ kind: 'retry', delayMs: 30_000 });
    expect(decideRetry(http(429, '', { 'Retry-After': '86400' }), NO_RETRIES, env({ random: () => 0 }))).toMatchObject({ delayMs: 300_000 });
    // Not on a 500: Retry-After there is not a rate limit.
    expect(decideRetry(http(500, '', { 'Retry-After': '60' }), NO_RETRIES, env({ random: () => 0 }))).toMatchObject({ delayMs: 0 });
    expect(retryAfterMs({ status: 429, retryAfter: 'soon' }, 0)).toBeUndefined();
  });

  it('re-signs an expired URL, at most 3 times, then fails with url-expired', () => {
    const decisions = runUntilFail(http(403, EXPIRED), env({ nowMs: SERVER_NOW + 1000 }));
    expect(decisions.map((decision) => decision.kind)).toEqual(['resign', 'resign', 'resign', 'fail']);
    const last = decisions.at(-1);
    if (last?.kind === 'fail') {
      expect(last.error.code).toBe('url-expired');
      expect(last.error.message).toMatch(/expired again after 3 new signatures/);
    }
  });

  it('corrects the clock first when an expired answer shows our clock is far behind', () => {
    const behind = SERVER_NOW - 30 * 60_000;
    const first = decideRetry(http(403, EXPIRED), NO_RETRIES, env({ nowMs: behind }));
    expect(first).toEqual({ kind: 'adjust-clock', offsetMs: 30 * 60_000 });
    // With the offset applied, the next "expired" is a plain expiry: re-sign.
    expect(decideRetry(http(403, EXPIRED), { ...NO_RETRIES, clockAdjustments: 1 }, env({ nowMs: behind, clockOffsetMs: 30 * 60_000 }))).toEqual({ kind: 'resign' });
  });

  it('learns the clock offset from RequestTimeTooSkewed, twice at most, then fails with clock-skew', () => {
    // Our clock says 09:20 while the server says 09:00: offset -20 minutes.
    const ahead = SERVER_NOW + 20 * 60_000;
    const first = decideRetry(http(403, SKEWED), NO_RETRIES, env({ nowMs: ahead }));
    expect(first).toEqual({ kind: 'adjust-clock', offsetMs: -20 * 60_000 });
    // The skew persists although the offset was applied: give up rather than loop.
    const again = decideRetry(http(403, SKEWED), { ...NO_RETRIES, clockAdjustments: 1 }, env({ nowMs: ahead, clockOffsetMs: -20 * 60_000 }));
    expect(again.kind).toBe('fail');
    if (again.kind === 'fail') {
      expect(again.error.code).toBe('clock-skew');
      expect(again.error.message).toMatch(/Correcting for the difference did not help/);
    }
    const decisions = runUntilFail(http(403, SKEWED), env({ nowMs: ahead }));
    expect(decisions.map((decision) => decision.kind)).toEqual(['adjust-clock', 'fail']);
    // A clock that keeps jumping: two corrections, then failure.
    let now = ahead;
    let history = NO_RETRIES;
    const kinds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const decision = decideRetry(http(403, SKEWED), history, env({ nowMs: now, clockOffsetMs: 0 }));
      kinds.push(decision.kind);
      if (decision.kind === 'fail') break;
      history = recordDecision(history, decision);
      now += 10 * 60_000;
    }
    expect(kinds).toEqual(['adjust-clock', 'adjust-clock', 'fail']);
  });

  it('uses the Date header when the skew answer has no ServerTime', () => {
    const failure = http(403, errorBody({ Code: 'RequestTimeTooSkewed', Message: 'skewed' }), { Date: 'Tue, 12 Nov 2024 09:00:00 GMT' });
    expect(decideRetry(failure, NO_RETRIES, env({ nowMs: SERVER_NOW - 16 * 60_000 }))).toEqual({ kind: 'adjust-clock', offsetMs: 16 * 60_000 });
    const blind = http(403, errorBody({ Code: 'RequestTimeTooSkewed', Message: 'skewed' }));
    expect(decideRetry(blind, NO_RETRIES, env()).kind).toBe('fail');
  });

  it('bounds the custom limits too', () => {
    const decisions = runUntilFail({ kind: 'timeout' }, env());
    expect(decisions).toHaveLength(8);
    expect(decideRetry({ kind: 'timeout' }, NO_RETRIES, env(), { maxAttempts: 1 }).kind).toBe('fail');
    expect(decideRetry(http(403, EXPIRED), NO_RETRIES, env(), { maxResigns: 0 }).kind).toBe('fail');
  });
});

describe('attemptErrorInfo', () => {
  it('describes network errors by code only, never by their message', () => {
    expect(attemptErrorInfo({ kind: 'network', code: 'ECONNREFUSED' })).toMatchObject({ code: 'network-error', message: 'The server refused the connection.' });
    expect(attemptErrorInfo({ kind: 'network', code: 'EAI_AGAIN' }).message).toMatch(/DNS lookup failed/);
    expect(attemptErrorInfo({ kind: 'network', code: 'EWHATEVER' })).toMatchObject({ code: 'network-error', message: 'The network request failed (EWHATEVER).' });
    expect(attemptErrorInfo({ kind: 'network', code: 'ERR_TLS_CERT_ALTNAME_INVALID' }).code).toBe('tls-error');
  });

  it('names both checksums of an integrity mismatch', () => {
    expect(attemptErrorInfo({ kind: 'integrity', expected: '123', actual: '456' })).toMatchObject({
      code: 'integrity-mismatch',
      message: "The uploaded object's CRC-64 (456) does not match the file's (123).",
      details: { expected: '123', actual: '456', algorithm: 'CRC-64' },
    });
  });
});
