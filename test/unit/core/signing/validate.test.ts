import { describe, expect, it } from 'vitest';

import { presign } from '../../../../electron/core/signing/presign.js';
import { DropsignError, type ErrorCode } from '../../../../electron/shared/errors.js';
import type { Credentials, PresignRequest, SigningClock } from '../../../../electron/shared/signing.js';

const CREDENTIALS: Credentials = { accessKeyId: 'LTAI5tExampleId', accessKeySecret: 'ExampleSecretValue123' };
const OSS_V4: PresignRequest = {
  scheme: 'oss-v4',
  method: 'PUT',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  style: 'virtual-hosted',
  bucket: 'my-bucket',
  key: 'photos/cat.jpg',
  region: 'cn-hangzhou',
  expiresInSeconds: 3600,
};
const OSS_V1: PresignRequest = { ...OSS_V4, scheme: 'oss-v1' };
const S3: PresignRequest = { ...OSS_V4, scheme: 's3-v4', endpoint: 'https://s3.us-east-1.amazonaws.com', region: 'us-east-1' };
const CLOCK: SigningClock = { now: () => Date.UTC(2024, 0, 1) };

/** Runs presign and returns the DropsignError it throws (fails the test when it does not throw one). */
function errorOf(request: PresignRequest, credentials: Credentials = CREDENTIALS, clock: SigningClock = CLOCK): DropsignError {
  try {
    presign(credentials, request, clock);
  } catch (error) {
    if (error instanceof DropsignError) return error;
    throw error;
  }
  throw new Error('presign did not throw');
}

/** Asserts the code and that the message names the problem. */
function expectError(request: PresignRequest, code: ErrorCode, message: RegExp, credentials?: Credentials): DropsignError {
  const error = errorOf(request, credentials);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(error.hint.length).toBeGreaterThan(0);
  return error;
}

/** Builds a request with fields set to values the types forbid (as arrives from IPC or the CLI). */
function loose(request: PresignRequest, patch: Record<string, unknown>): PresignRequest {
  return { ...request, ...patch } as unknown as PresignRequest;
}

describe('presign validation: scheme, method, style', () => {
  it('rejects an unknown scheme', () => expectError(loose(OSS_V4, { scheme: 'oss-v2' }), 'invalid-scheme', /"oss-v2"/));
  it('rejects an unknown method', () => expectError(loose(OSS_V4, { method: 'get' }), 'invalid-method', /"get"/));
  it('rejects an unknown style', () => expectError(loose(OSS_V4, { style: 'vhost' }), 'invalid-style', /"vhost"/));
});

describe('presign validation: expiry', () => {
  it('rejects a V4 expiry over 7 days', () => expectError({ ...OSS_V4, expiresInSeconds: 604_801 }, 'invalid-expiry', /7-day maximum/));
  it('rejects an S3 expiry over 7 days', () => expectError({ ...S3, expiresInSeconds: 1_000_000 }, 'invalid-expiry', /604800/));
  it('rejects zero and negative expiries', () => {
    expectError({ ...OSS_V4, expiresInSeconds: 0 }, 'invalid-expiry', /not positive/);
    expectError({ ...OSS_V1, expiresInSeconds: -5 }, 'invalid-expiry', /not positive/);
  });
  it('rejects a fractional expiry', () => expectError({ ...OSS_V4, expiresInSeconds: 1.5 }, 'invalid-expiry', /whole number/));
  it('rejects a non-number expiry', () => expectError(loose(OSS_V4, { expiresInSeconds: '60' }), 'invalid-expiry', /not a number/));
  it('accepts a V1 expiry beyond 7 days but not past year 9999', () => {
    expect(() => presign(CREDENTIALS, { ...OSS_V1, expiresInSeconds: 10 * 365 * 86_400 }, CLOCK)).not.toThrow();
    expectError({ ...OSS_V1, expiresInSeconds: 8_000 * 365 * 86_400 }, 'invalid-expiry', /year 9999/);
  });
});

describe('presign validation: bucket', () => {
  it('rejects a too-short name', () => expectError({ ...OSS_V4, bucket: 'ab' }, 'invalid-bucket', /2 characters long; OSS bucket names have 3 to 63/));
  it('rejects a too-long name', () => expectError({ ...OSS_V4, bucket: 'a'.repeat(64) }, 'invalid-bucket', /64 characters long/));
  it('rejects upper-case letters', () => expectError({ ...OSS_V4, bucket: 'My-bucket' }, 'invalid-bucket', /upper-case letter/));
  it('rejects dots for OSS, saying S3 allows them', () => expectError({ ...OSS_V4, bucket: 'my.bucket' }, 'invalid-bucket', /dot.*OSS.*S3/));
  it('rejects other characters', () => expectError({ ...OSS_V4, bucket: 'my_bucket' }, 'invalid-bucket', /'_'/));
  it('rejects a leading or trailing hyphen', () => {
    expectError({ ...OSS_V4, bucket: '-bucket' }, 'invalid-bucket', /starts with "-"/);
    expectError({ ...S3, bucket: 'bucket-' }, 'invalid-bucket', /ends with "-"/);
  });
  it('accepts dots for S3 but not adjacent ones', () => {
    expect(() => presign(CREDENTIALS, { ...S3, bucket: 'my.bucket' }, CLOCK)).not.toThrow();
    expectError({ ...S3, bucket: 'my..bucket' }, 'invalid-bucket', /two adjacent dots/);
  });
  it('rejects an S3 name formatted as an IP address', () => expectError({ ...S3, bucket: '192.168.5.4' }, 'invalid-bucket', /IP address/));
  it('rejects S3 reserved prefixes and suffixes', () => {
    expectError({ ...S3, bucket: 'xn--bucket' }, 'invalid-bucket', /"xn--"/);
    expectError({ ...S3, bucket: 'bucket-s3alias' }, 'invalid-bucket', /"-s3alias"/);
  });
  it('rejects a missing bucket', () => expectError({ ...OSS_V4, bucket: '' }, 'invalid-bucket', /No bucket/));
});

describe('presign validation: object key', () => {
  it('rejects an empty key', () => expectError({ ...OSS_V4, key: '' }, 'invalid-key', /empty/));
  it('rejects a key over 1023 UTF-8 bytes for OSS', () => expectError({ ...OSS_V4, key: 'é'.repeat(512) }, 'invalid-key', /1024 bytes long in UTF-8; OSS allows at most 1023/));
  it('allows 1024 bytes for S3 but not 1025', () => {
    expect(() => presign(CREDENTIALS, { ...S3, key: 'a'.repeat(1024) }, CLOCK)).not.toThrow();
    expectError({ ...S3, key: 'a'.repeat(1025) }, 'invalid-key', /at most 1024/);
  });
  it('rejects a leading slash or backslash', () => {
    expectError({ ...OSS_V4, key: '/photos/cat.jpg' }, 'invalid-key', /starts with "\/"/);
    expectError({ ...OSS_V4, key: '\\photos' }, 'invalid-key', /starts with "\\\\"/);
  });
  it('rejects control characters, naming them', () => expectError({ ...OSS_V4, key: 'a\nb' }, 'invalid-key', /U\+000A \(line feed\) at position 1/));
  it('rejects a lone surrogate', () => expectError({ ...OSS_V4, key: 'a\uD800' }, 'invalid-key', /not valid Unicode/));
  it('rejects "." and ".." path segments', () => {
    expectError({ ...OSS_V4, key: 'a/../b' }, 'invalid-key', /"\.\." path segment/);
    expectError({ ...S3, key: './b' }, 'invalid-key', /"\." path segment/);
  });
  it('accepts an omitted key for bucket-level requests', () => {
    const { key: _key, ...bucketLevel } = OSS_V4;
    expect(presign(CREDENTIALS, { ...bucketLevel, method: 'GET' }, CLOCK).url).toMatch(/^https:\/\/my-bucket\.oss-cn-hangzhou\.aliyuncs\.com\/\?/);
  });
});

describe('presign validation: region', () => {
  it('requires a region for OSS V4 and S3', () => {
    const { region: _region, ...noRegion } = OSS_V4;
    expectError(noRegion, 'missing-region', /OSS V4 signing needs the bucket's region/);
    expectError({ ...S3, region: ' ' }, 'missing-region', /S3 SigV4/);
  });
  it('does not need a region for OSS V1', () => {
    const { region: _region, ...noRegion } = OSS_V1;
    expect(() => presign(CREDENTIALS, noRegion, CLOCK)).not.toThrow();
  });
  it('suggests cn-hangzhou for oss-cn-hangzhou', () => expectError({ ...OSS_V4, region: 'oss-cn-hangzhou' }, 'invalid-region', /did you mean cn-hangzhou\?/));
  it('says what was meant for an endpoint host', () => {
    expectError({ ...OSS_V4, region: 'oss-cn-hangzhou.aliyuncs.com' }, 'invalid-region', /host name, not a region id; did you mean cn-hangzhou\?/);
    expectError({ ...OSS_V4, region: 'https://oss-cn-beijing-internal.aliyuncs.com' }, 'invalid-region', /did you mean cn-beijing\?/);
    expectError({ ...S3, region: 's3.eu-west-1.amazonaws.com' }, 'invalid-region', /did you mean eu-west-1\?/);
  });
  it('explains that an acceleration host carries no region', () => {
    const error = expectError({ ...OSS_V4, region: 'oss-accelerate.aliyuncs.com' }, 'invalid-region', /host name, not a region id\./);
    expect(error.hint).toMatch(/do not carry the region/);
  });
  it('suggests cn-beijing for beijing', () => expectError({ ...OSS_V4, region: 'beijing' }, 'invalid-region', /did you mean cn-beijing\?/));
  it('rejects upper case, suggesting lower case', () => expectError({ ...OSS_V4, region: 'CN-Hangzhou' }, 'invalid-region', /did you mean cn-hangzhou\?/));
  it('accepts oss-cn-hangzhou for S3 (the OSS S3-compatible API signs with it)', () => {
    expect(() => presign(CREDENTIALS, { ...S3, region: 'oss-cn-hangzhou' }, CLOCK)).not.toThrow();
  });
});

describe('presign validation: endpoint', () => {
  it('rejects an endpoint without scheme, suggesting https', () => expectError({ ...OSS_V4, endpoint: 'oss-cn-hangzhou.aliyuncs.com' }, 'invalid-endpoint', /no http:\/\/ or https:\/\/ scheme; did you mean https:\/\/oss-cn-hangzhou\.aliyuncs\.com\?/));
  it('rejects other schemes', () => expectError({ ...OSS_V4, endpoint: 'ftp://example.com' }, 'invalid-endpoint', /uses ftp:\/\//));
  it('rejects a path, naming it', () => expectError({ ...OSS_V4, endpoint: 'https://oss-cn-hangzhou.aliyuncs.com/my-bucket' }, 'invalid-endpoint', /has a path \("\/my-bucket"\)/));
  it('rejects a query string and a fragment', () => {
    expectError({ ...OSS_V4, endpoint: 'https://example.com/?a=b' }, 'invalid-endpoint', /query string/);
    expectError({ ...OSS_V4, endpoint: 'https://example.com#x' }, 'invalid-endpoint', /fragment/);
  });
  it('rejects user credentials without echoing them', () => {
    const error = expectError({ ...OSS_V4, endpoint: 'https://user:hunter2@example.com' }, 'invalid-endpoint', /user credentials/);
    expect(`${error.message} ${error.hint}`).not.toContain('hunter2');
  });
  it('rejects surrounding whitespace and non-URLs', () => {
    expectError({ ...OSS_V4, endpoint: ' https://example.com' }, 'invalid-endpoint', /spaces or line breaks/);
    expectError({ ...OSS_V4, endpoint: 'https://exa mple.com' }, 'invalid-endpoint', /not a valid URL/);
  });
  it('rejects virtual-hosted style with an IP endpoint', () => expectError({ ...OSS_V4, endpoint: 'http://127.0.0.1:9000' }, 'invalid-style', /Virtual-hosted style.*"127\.0\.0\.1"/));
  it('accepts virtual-hosted style on localhost, where bucket.localhost is loopback (the local bucket)', () => {
    expect(presign(CREDENTIALS, { ...OSS_V4, endpoint: 'http://localhost:9000' }, CLOCK).url).toMatch(/^http:\/\/my-bucket\.localhost:9000\/photos\/cat\.jpg\?/);
  });
  it('accepts http, explicit ports and a trailing slash', () => {
    expect(presign(CREDENTIALS, { ...OSS_V4, style: 'path', endpoint: 'http://127.0.0.1:9000/' }, CLOCK).url).toMatch(/^http:\/\/127\.0\.0\.1:9000\/my-bucket\/photos\/cat\.jpg\?/);
  });
});

describe('presign validation: signing time', () => {
  it('rejects a non-finite clock', () => expect(errorOf(OSS_V4, CREDENTIALS, { now: () => Number.NaN }).code).toBe('invalid-time'));
  it('rejects a time before 1970 or after 9999', () => {
    expect(errorOf(OSS_V4, CREDENTIALS, { now: () => -1 }).code).toBe('invalid-time');
    expect(errorOf(OSS_V4, CREDENTIALS, { now: () => 1e15 }).code).toBe('invalid-time');
  });
  it('rejects a non-finite offset', () => expect(errorOf(OSS_V4, CREDENTIALS, { now: () => 0, offsetMs: Number.POSITIVE_INFINITY }).message).toMatch(/clock offset/));
});
