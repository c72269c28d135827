import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isOssDefaultSignedHeader } from '../../../../electron/core/signing/headers.js';
import { ossV1Signature, ossV1StringToSign } from '../../../../electron/core/signing/oss-v1.js';
import { ossV4CanonicalRequest, ossV4Signature, ossV4StringToSign } from '../../../../electron/core/signing/oss-v4.js';
import { presign } from '../../../../electron/core/signing/presign.js';
import { s3V4CanonicalRequest, s3V4Signature, s3V4StringToSign } from '../../../../electron/core/signing/s3-v4.js';
import type { PresignRequest, QueryParam, SigningScheme } from '../../../../electron/shared/signing.js';
import { expiresArb, headerValueArb, keyArb, queryValueArb, secretArb, timeArb, tokenArb } from './arbitraries.js';

/**
 * What a verifying server (the local bucket) sees: the URL, the method, the headers the client sent, and
 * the bucket and key it resolved from host and path. Each verifier below recomputes the signature with the
 * exported primitives only, the way the local bucket does.
 */
interface Incoming {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bucket: string;
  readonly key: string;
}

/** What the server resolves from a URL: bucket `round-trip` from host or path, the decoded key from the path. */
function receive(href: string, pathStyle: boolean, headers: Readonly<Record<string, string>>): Incoming {
  const url = new URL(href);
  const prefix = pathStyle ? '/round-trip/' : '/';
  return { url, method: 'PUT', headers, bucket: 'round-trip', key: decodeURIComponent(url.pathname.slice(prefix.length)) };
}

/** All decoded query parameters except `skip`. */
function queryWithout(url: URL, skip: string): QueryParam[] {
  return [...url.searchParams].filter(([name]) => name !== skip).map(([name, value]) => ({ name, value }));
}

function verifyOssV4(incoming: Incoming, secret: string): boolean {
  const { url } = incoming;
  const dateTime = url.searchParams.get('x-oss-date') ?? '';
  const region = (url.searchParams.get('x-oss-credential') ?? '').split('/')[2] ?? '';
  const additional = (url.searchParams.get('x-oss-additional-headers') ?? '').split(';').filter((n) => n !== '');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) if (isOssDefaultSignedHeader(name) || additional.includes(name)) headers[name] = value;
  if (additional.includes('host')) headers['host'] = url.host;
  const canonical = ossV4CanonicalRequest({
    method: incoming.method,
    bucket: incoming.bucket,
    key: incoming.key,
    query: queryWithout(url, 'x-oss-signature'),
    headers,
    additionalHeaders: additional,
    payloadHash: incoming.headers['x-oss-content-sha256'] ?? 'UNSIGNED-PAYLOAD',
  });
  const signature = ossV4Signature(secret, dateTime.slice(0, 8), region, ossV4StringToSign(canonical, dateTime, region));
  return signature === url.searchParams.get('x-oss-signature');
}

function verifyOssV1(incoming: Incoming, secret: string): boolean {
  const { url, headers } = incoming;
  const stringToSign = ossV1StringToSign({
    method: incoming.method,
    contentMd5: headers['content-md5'] ?? '',
    contentType: headers['content-type'] ?? '',
    expiresOrDate: url.searchParams.get('Expires') ?? '',
    ossHeaders: Object.fromEntries(Object.entries(headers).filter(([name]) => name.startsWith('x-oss-'))),
    bucket: incoming.bucket,
    key: incoming.key,
    query: [...url.searchParams].map(([name, value]) => ({ name, value })),
  });
  return ossV1Signature(secret, stringToSign) === url.searchParams.get('Signature');
}

function verifyS3V4(incoming: Incoming, secret: string): boolean {
  const { url } = incoming;
  const amzDate = url.searchParams.get('X-Amz-Date') ?? '';
  const region = (url.searchParams.get('X-Amz-Credential') ?? '').split('/')[2] ?? '';
  const signedHeaderNames = (url.searchParams.get('X-Amz-SignedHeaders') ?? '').split(';');
  const canonical = s3V4CanonicalRequest({
    method: incoming.method,
    canonicalUri: url.pathname,
    query: queryWithout(url, 'X-Amz-Signature'),
    headers: { ...incoming.headers, host: url.host },
    signedHeaderNames,
    payloadHash: 'UNSIGNED-PAYLOAD',
  });
  const signature = s3V4Signature(secret, amzDate.slice(0, 8), region, s3V4StringToSign(canonical, amzDate, region));
  return signature === url.searchParams.get('X-Amz-Signature');
}

const VERIFIERS: Record<SigningScheme, (incoming: Incoming, secret: string) => boolean> = {
  'oss-v4': verifyOssV4,
  'oss-v1': verifyOssV1,
  's3-v4': verifyS3V4,
};

const caseArb = fc.record({
  scheme: fc.constantFrom<SigningScheme>('oss-v4', 'oss-v1', 's3-v4'),
  style: fc.constantFrom('virtual-hosted', 'path', 'cname'),
  key: keyArb,
  time: timeArb,
  expires: expiresArb,
  secret: secretArb,
  token: fc.option(tokenArb, { nil: undefined }),
  meta: fc.option(headerValueArb, { nil: undefined }),
  withHost: fc.boolean(),
  process: fc.option(queryValueArb, { nil: undefined }),
  uploads: fc.boolean(),
});

describe('canonical primitives round-trip', () => {
  it('recompute the signature of every presigned URL from its parts, and reject a tampered one', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const endpoint = c.style === 'path' ? 'http://127.0.0.1:9000' : c.style === 'cname' ? 'https://files.example.com' : 'https://oss-cn-hangzhou.aliyuncs.com';
        const query: QueryParam[] = [];
        if (c.process !== undefined) query.push({ name: 'x-oss-process', value: c.process });
        if (c.uploads) query.push({ name: 'uploads' });
        const request: PresignRequest = {
          scheme: c.scheme,
          method: 'PUT',
          endpoint,
          style: c.style,
          bucket: 'round-trip',
          key: c.key,
          region: 'cn-hangzhou',
          expiresInSeconds: c.expires,
          headers: { 'Content-Type': 'image/png', ...(c.meta === undefined ? {} : { 'X-Oss-Meta-Note': c.meta }) },
          ...(c.scheme === 'oss-v4' && c.withHost ? { additionalHeaders: ['host'] } : {}),
          query,
        };
        const credentials = { accessKeyId: 'AKID', accessKeySecret: c.secret, ...(c.token === undefined ? {} : { securityToken: c.token }) };
        const result = presign(credentials, request, { now: () => c.time });
        const incoming = receive(result.url, c.style === 'path', result.signedHeaders);
        const verify = VERIFIERS[c.scheme];

        expect(incoming.key).toBe(c.key);
        expect(verify(incoming, c.secret)).toBe(true);
        expect(verify({ ...incoming, headers: { ...incoming.headers, 'content-type': 'image/jpeg' } }, c.secret)).toBe(false);
        const otherObject = new URL(result.url);
        otherObject.pathname += 'x';
        expect(verify(receive(otherObject.href, c.style === 'path', result.signedHeaders), c.secret)).toBe(false);
        expect(verify(incoming, `${c.secret}x`)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
