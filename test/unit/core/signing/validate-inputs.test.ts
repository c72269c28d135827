import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { presign } from '../../../../electron/core/signing/presign.js';
import { DropsignError, type ErrorCode } from '../../../../electron/shared/errors.js';
import type { Credentials, PresignRequest } from '../../../../electron/shared/signing.js';

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
const S3: PresignRequest = { ...OSS_V4, scheme: 's3-v4', region: 'us-east-1', endpoint: 'https://s3.amazonaws.com' };
const CLOCK = { now: () => Date.UTC(2024, 0, 1) };

/** Runs presign and returns the DropsignError it throws, or undefined when it signs. */
function errorOf(request: PresignRequest, credentials: Credentials = CREDENTIALS): DropsignError | undefined {
  try {
    presign(credentials, request, CLOCK);
    return undefined;
  } catch (error) {
    if (error instanceof DropsignError) return error;
    throw error;
  }
}

/** Asserts the code and that the message names the problem. */
function expectError(request: PresignRequest, code: ErrorCode, message: RegExp, credentials?: Credentials): DropsignError {
  const error = errorOf(request, credentials);
  expect(error?.code).toBe(code);
  expect(error?.message).toMatch(message);
  expect(error?.hint).not.toBe('');
  return error as DropsignError;
}

describe('presign validation: headers', () => {
  it('rejects a header name that is not an RFC 7230 token', () => expectError({ ...OSS_V4, headers: { 'Content Type': 'a' } }, 'invalid-header', /"Content Type" is not a valid HTTP header name \(it contains ' '\)/));
  it('rejects CR, LF and NUL in values', () => {
    expectError({ ...OSS_V4, headers: { 'x-oss-meta-a': 'a\r\nb' } }, 'invalid-header', /U\+000D \(carriage return\)/);
    expectError({ ...OSS_V4, headers: { 'x-oss-meta-a': 'a\0' } }, 'invalid-header', /NUL/);
  });
  it('rejects other control characters', () => expectError({ ...OSS_V4, headers: { 'x-oss-meta-a': 'a\u0007' } }, 'invalid-header', /control character U\+0007/));
  it('rejects non-ASCII values, which clients do not send as the signed UTF-8', () => expectError({ ...OSS_V4, headers: { 'x-oss-meta-a': 'café' } }, 'invalid-header', /non-ASCII character U\+00E9 'é'/));
  it('rejects a header given twice in different case', () => expectError({ ...S3, headers: { 'Content-Type': 'a', 'content-type': 'b' } }, 'invalid-header', /given twice/));
  it('rejects Host, Authorization and hop-by-hop headers', () => {
    expectError({ ...S3, headers: { Host: 'x' } }, 'invalid-header', /Host header cannot be set/);
    expectError({ ...S3, headers: { Authorization: 'x' } }, 'invalid-header', /Authorization header/);
    expectError({ ...S3, headers: { 'Transfer-Encoding': 'chunked' } }, 'invalid-header', /hop-by-hop/);
  });
  it('rejects headers that carry signature data the signer writes into the URL', () => {
    expectError({ ...OSS_V4, headers: { 'x-oss-security-token': 't' } }, 'invalid-header', /"x-oss-security-token" carries signature data/);
    expectError({ ...S3, headers: { 'X-Amz-Date': '20240101T000000Z' } }, 'invalid-header', /"X-Amz-Date" carries signature data/);
  });
  it('rejects an OSS V4 header that would not be signed, pointing at additional headers', () => {
    const error = expectError({ ...OSS_V4, headers: { 'Cache-Control': 'no-cache' } }, 'invalid-header', /"Cache-Control" would not be signed/);
    expect(error.hint).toMatch(/additional headers.*or drop/);
    expect(errorOf({ ...OSS_V4, headers: { 'Cache-Control': 'no-cache' }, additionalHeaders: ['cache-control'] })).toBeUndefined();
  });
  it('rejects an OSS V1 header other than Content-Type, Content-MD5 and x-oss-*', () => expectError({ ...OSS_V1, headers: { 'Cache-Control': 'no-cache' } }, 'invalid-header', /OSS V1 signs only Content-Type, Content-MD5 and x-oss-\*/));
  it('signs any other header for S3', () => expect(errorOf({ ...S3, headers: { 'Cache-Control': 'no-cache', 'x-amz-meta-a': '1' } })).toBeUndefined());
});

describe('presign validation: additional headers', () => {
  it('rejects additional headers for OSS V1 and S3', () => {
    expectError({ ...OSS_V1, additionalHeaders: ['host'] }, 'invalid-header', /only to OSS V4 signing, not to OSS V1/);
    expectError({ ...S3, additionalHeaders: ['host'] }, 'invalid-header', /not to S3 SigV4/);
  });
  it('rejects names that are not tokens or contain "_"', () => {
    expectError({ ...OSS_V4, additionalHeaders: ['bad name'] }, 'invalid-header', /"bad name" is not a valid HTTP header name/);
    expectError({ ...OSS_V4, additionalHeaders: ['x_custom'] }, 'invalid-header', /contains "_"/);
    expectError({ ...OSS_V4, additionalHeaders: [''] }, 'invalid-header', /empty additional header name/);
  });
  it('accepts host and mixed case', () => expect(errorOf({ ...OSS_V4, additionalHeaders: ['Host', 'HOST'] })).toBeUndefined());
});

describe('presign validation: query parameters', () => {
  it.each(['x-oss-signature', 'x-oss-signature-version', 'x-oss-credential', 'x-oss-date', 'x-oss-expires', 'x-oss-additional-headers', 'x-oss-security-token', 'OSSAccessKeyId', 'Expires', 'Signature', 'security-token', 'X-Amz-Date', 'x-amz-signature'])(
    'rejects the reserved name %s',
    (name) => {
      expectError({ ...OSS_V4, query: [{ name, value: '1' }] }, 'invalid-query', new RegExp(`"${name}" is reserved for the signature`));
    },
  );
  it('rejects a name given twice', () => expectError({ ...OSS_V4, query: [{ name: 'versionId', value: '1' }, { name: 'versionId', value: '2' }] }, 'invalid-query', /"versionId" is given twice/));
  it('rejects an empty name', () => expectError({ ...OSS_V4, query: [{ name: '' }] }, 'invalid-query', /empty name/));
  it('rejects broken Unicode', () => expectError({ ...OSS_V4, query: [{ name: 'x-oss-process', value: '\uDC00' }] }, 'invalid-query', /not valid Unicode/));
  it('accepts bare and valued sub-resources', () => expect(errorOf({ ...OSS_V4, method: 'POST', query: [{ name: 'uploads' }, { name: 'versionId', value: '' }] })).toBeUndefined());
});

describe('presign validation: credentials', () => {
  it('rejects missing or blank credentials', () => {
    expectError(OSS_V4, 'missing-credentials', /No access key ID/, { accessKeyId: '', accessKeySecret: 's' });
    expectError(OSS_V4, 'missing-credentials', /No access key secret/, { accessKeyId: 'id', accessKeySecret: '   ' });
    expectError(OSS_V4, 'missing-credentials', /No credentials/, null as unknown as Credentials);
  });
  it('rejects whitespace and control characters, saying where, without the value', () => {
    const error = expectError(OSS_V4, 'invalid-credentials', /secret contains whitespace.*at the end.*trailing newline/, { accessKeyId: 'id', accessKeySecret: 'Secret123\n' });
    expect(error.message).not.toContain('Secret123');
    expectError(OSS_V4, 'invalid-credentials', /access key ID.*at the start/, { accessKeyId: ' id', accessKeySecret: 's' });
    expectError(OSS_V4, 'invalid-credentials', /security token \(STS\).*inside/, { ...CREDENTIALS, securityToken: 'ab\tcd' });
  });
  it('treats an empty security token as none', () => {
    expect(presign({ ...CREDENTIALS, securityToken: '' }, OSS_V4, CLOCK).url).not.toContain('security-token');
  });
});

describe('presign errors never reveal secrets', () => {
  /** Invalid requests of every kind, each paired with credentials that may themselves be broken. */
  const badRequests: readonly PresignRequest[] = [
    { ...OSS_V4, bucket: 'Bad_Bucket' },
    { ...OSS_V4, key: '/x' },
    { ...OSS_V4, region: 'oss-cn-hangzhou' },
    { ...OSS_V4, endpoint: 'ftp://x' },
    { ...OSS_V4, expiresInSeconds: 0 },
    { ...OSS_V4, headers: { 'x-oss-meta-a': 'é' } },
    { ...OSS_V4, headers: { 'Cache-Control': 'x' } },
    { ...OSS_V1, headers: { Range: 'bytes=0-1' } },
    { ...S3, additionalHeaders: ['host'] },
    { ...OSS_V4, query: [{ name: 'Signature', value: 'x' }] },
    OSS_V4,
  ];

  it('keeps the secret and the token out of every message, hint and detail', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{12,30}$/),
        fc.stringMatching(/^[A-Za-z0-9+/=]{12,40}$/),
        fc.constantFrom('', ' ', '\n', '\t'),
        fc.constantFrom(...badRequests),
        (secret, token, garbage, request) => {
          // The one valid request is only invalid through broken credentials.
          fc.pre(request !== OSS_V4 || garbage !== '');
          const credentials = { accessKeyId: 'LTAI5tExampleId', accessKeySecret: `${secret}${garbage}`, securityToken: `${garbage}${token}` };
          const error = errorOf(request, credentials);
          expect(error).toBeInstanceOf(DropsignError);
          const text = JSON.stringify(error?.toInfo());
          expect(text).not.toContain(secret);
          expect(text).not.toContain(token);
        },
      ),
      { numRuns: 200 },
    );
  });
});
