import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import { probeOutcome, type ProbeFailureKind } from '../../../../../renderer/src/features/profiles/probe-outcome.js';
import { failedReport, passedReport } from './fake-host.js';

const SUBJECT = { accessKeyId: 'LTAI5tKey', bucket: 'photos', region: 'cn-hangzhou', builtIn: false };

function failure(code: ErrorInfo['code'], details: ErrorInfo['details'] = {}, builtIn = false) {
  const outcome = probeOutcome(failedReport('prod', { code, message: 'm', hint: 'h', details }), { ...SUBJECT, builtIn });
  if (outcome.kind !== 'failed') throw new Error('expected a failure');
  return outcome;
}

describe('probeOutcome', () => {
  it('passes every check when the listing worked, with the time and clock offset it measured', () => {
    const outcome = probeOutcome(passedReport('prod', { clockOffsetMs: 1500, requestId: 'RID' }), SUBJECT);
    expect(outcome).toMatchObject({ kind: 'passed', elapsedMs: 42, clockOffsetMs: 1500, requestId: 'RID' });
    expect(Object.values(outcome.checks)).toStrictEqual(Array(7).fill('passed'));
  });

  it.each<[ErrorInfo['code'], ProbeFailureKind, string]>([
    ['invalid-access-key', 'wrongKey', 'key'],
    ['signature-mismatch', 'wrongSecret', 'secret'],
    ['no-such-bucket', 'missingBucket', 'bucket'],
    ['clock-skew', 'clockSkew', 'clock'],
    ['url-expired', 'clockSkew', 'clock'],
    ['access-denied', 'permission', 'permission'],
    ['credentials-expired', 'tokenExpired', 'key'],
    ['network-error', 'network', 'reach'],
    ['request-timeout', 'timeout', 'reach'],
    ['tls-error', 'tls', 'reach'],
    ['proxy-failed', 'proxy', 'reach'],
  ])('reads %s as %s, failing the %s check', (code, kind, check) => {
    const outcome = failure(code);
    expect(outcome.failure).toBe(kind);
    expect(Object.entries(outcome.checks).filter(([, state]) => state === 'failed')).toStrictEqual([[check, 'failed']]);
  });

  it('names the right region when the server said it, and what the profile says', () => {
    expect(failure('wrong-region', { bucketRegion: 'cn-beijing' })).toMatchObject({ failure: 'wrongRegion', values: { right: 'cn-beijing', wrong: 'cn-hangzhou' } });
    expect(failure('wrong-region').failure).toBe('wrongRegionUnknown');
  });

  it('marks what a failure proves: a wrong secret means the endpoint answered and the key is known', () => {
    expect(failure('signature-mismatch').checks).toStrictEqual({ reach: 'passed', clock: 'unchecked', key: 'passed', secret: 'failed', region: 'unchecked', bucket: 'unchecked', permission: 'unchecked' });
    expect(failure('access-denied').checks.bucket).toBe('passed');
  });

  it('carries the clock offset of a skew', () => {
    expect(failure('clock-skew', { clockOffsetMs: -1_200_000 }).values['clockOffsetMs']).toBe(-1_200_000);
  });

  it('says the local bucket is not running when its connection is refused', () => {
    expect(failure('network-error', { errno: 'ECONNREFUSED' }, true).failure).toBe('localBucketDown');
    expect(failure('network-error', { errno: 'ECONNREFUSED' }, false).failure).toBe('network');
  });

  it('counts any other answer from the server as reaching it, and checks nothing else', () => {
    const outcome = failure('server-error', { status: 500 });
    expect(outcome.failure).toBe('other');
    expect(Object.entries(outcome.checks).filter(([, state]) => state !== 'unchecked')).toStrictEqual([['reach', 'passed']]);
  });
});
