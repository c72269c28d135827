import { describe, expect, it } from 'vitest';

import { presign } from '../../../../electron/core/signing/presign.js';
import { DropsignError } from '../../../../electron/shared/errors.js';
import type { Credentials, PresignRequest } from '../../../../electron/shared/signing.js';
import { queryValue } from './arbitraries.js';

const CREDENTIALS: Credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const REQUEST: PresignRequest = {
  scheme: 'oss-v4',
  method: 'GET',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  style: 'virtual-hosted',
  bucket: 'bucket',
  key: 'k',
  region: 'cn-hangzhou',
  expiresInSeconds: 60,
};
const NOW = Date.UTC(2024, 2, 3, 4, 5, 6);

describe('presign', () => {
  it('signs at clock.now() when there is no offset', () => {
    const result = presign(CREDENTIALS, REQUEST, { now: () => NOW });
    expect(result.signedAt).toBe('2024-03-03T04:05:06Z');
    expect(result.expiresAt).toBe('2024-03-03T04:06:06Z');
    expect(result.method).toBe('GET');
  });

  it('adds the clock offset learnt from the server', () => {
    const result = presign(CREDENTIALS, REQUEST, { now: () => NOW, offsetMs: -90_000 });
    expect(queryValue(result.url, 'x-oss-date')).toBe('20240303T040336Z');
  });

  it('dispatches on the scheme', () => {
    expect(queryValue(presign(CREDENTIALS, REQUEST, { now: () => NOW }).url, 'x-oss-signature-version')).toBe('OSS4-HMAC-SHA256');
    expect(queryValue(presign(CREDENTIALS, { ...REQUEST, scheme: 'oss-v1' }, { now: () => NOW }).url, 'OSSAccessKeyId')).toBe('ak');
    expect(queryValue(presign(CREDENTIALS, { ...REQUEST, scheme: 's3-v4', region: 'us-east-1' }, { now: () => NOW }).url, 'X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
  });

  it('validates before reading the clock', () => {
    let read = false;
    const clock = {
      now: () => {
        read = true;
        return NOW;
      },
    };
    expect(() => presign(CREDENTIALS, { ...REQUEST, bucket: 'B' }, clock)).toThrow(DropsignError);
    expect(read).toBe(false);
  });

  it('is deterministic for the same inputs', () => {
    const clock = { now: () => NOW };
    expect(presign(CREDENTIALS, REQUEST, clock)).toEqual(presign(CREDENTIALS, REQUEST, clock));
  });
});
