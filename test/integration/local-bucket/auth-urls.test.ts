/**
 * The local bucket checks presigned URLs exactly as OSS does: a table of accepted and rejected requests for
 * every rule (key id, signature, expiry, skew, region, headers, tampering), signed by Dropsign's signer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presign } from '../../../electron/core/signing/presign.js';
import { verifySignature } from '../../../electron/core/local-bucket/index.js';
import type { PresignRequest, SigningScheme } from '../../../electron/shared/signing.js';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, errorCode, send, startHarness, type Harness, type RawResponse } from './harness.js';

/** The server's clock is fixed, so expiry and skew are exact. */
const NOW = Date.UTC(2026, 10, 21, 8, 0, 0);
const MINUTE = 60_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ authenticate: verifySignature, region: 'cn-hangzhou', clock: { now: () => NOW } });
});
afterAll(async () => h.close());

interface Sign {
  readonly scheme?: SigningScheme;
  readonly method?: PresignRequest['method'];
  readonly key?: string;
  readonly region?: string;
  readonly expires?: number;
  readonly at?: number;
  readonly headers?: Record<string, string>;
  readonly additionalHeaders?: readonly string[];
  readonly query?: PresignRequest['query'];
  readonly secret?: string;
  readonly accessKeyId?: string;
  readonly securityToken?: string;
  readonly style?: 'path' | 'virtual-hosted';
}

/** A presigned URL for the harness server, reduced to the path and query to send. */
function signed(options: Sign = {}): { path: string; host: string } {
  const style = options.style ?? 'path';
  const endpoint = style === 'path' ? h.endpoint : `http://localhost:${h.port}`;
  const result = presign(
    {
      accessKeyId: options.accessKeyId ?? ACCESS_KEY_ID,
      accessKeySecret: options.secret ?? ACCESS_KEY_SECRET,
      ...(options.securityToken === undefined ? {} : { securityToken: options.securityToken }),
    },
    {
      scheme: options.scheme ?? 'oss-v4',
      method: options.method ?? 'PUT',
      endpoint,
      style,
      bucket: 'photos',
      key: options.key ?? 'auth/object.txt',
      region: options.region ?? 'cn-hangzhou',
      expiresInSeconds: options.expires ?? 3600,
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      ...(options.additionalHeaders === undefined ? {} : { additionalHeaders: options.additionalHeaders }),
      ...(options.query === undefined ? {} : { query: options.query }),
    },
    { now: () => options.at ?? NOW },
  );
  const url = new URL(result.url);
  return { path: `${url.pathname}${url.search}`, host: url.host };
}

/** Sends a request to a presigned URL with the given headers and body. */
function call(
  target: { path: string; host: string },
  method: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return send(h.port, method, target.path, {
    headers: { host: target.host, ...headers },
    ...(body === undefined ? {} : { body }),
  });
}

function expectOssError(response: RawResponse, status: number, code: string): void {
  expect(response.status, response.text).toBe(status);
  expect(errorCode(response.text)).toBe(code);
  expect(response.headers['content-type']).toMatch(/application\/xml/);
  expect(response.text).toMatch(/<RequestId>[^<]+<\/RequestId>/);
}

describe('accepted presigned URLs', () => {
  for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
    it(`${scheme}: PUT with the signed Content-Type, then GET, round-trips the bytes`, async () => {
      const key = `accepted/${scheme}/räksmörgås + 100% #1.txt`;
      const put = await call(signed({ scheme, key, headers: { 'Content-Type': 'text/plain' } }), 'PUT', { 'content-type': 'text/plain' }, 'hello');
      expect(put.status, put.text).toBe(200);
      const get = await call(signed({ scheme, key, method: 'GET' }), 'GET');
      expect(get.status).toBe(200);
      expect(get.text).toBe('hello');
      expect(get.headers['content-type']).toBe('text/plain');
    });
  }

  it('oss-v4: virtual-hosted style (bucket in the Host header) with host as an additional signed header', async () => {
    const target = signed({ style: 'virtual-hosted', additionalHeaders: ['host'], key: 'vhost.txt' });
    expect(target.host).toBe(`photos.localhost:${h.port}`);
    expect((await call(target, 'PUT', {}, 'v')).status).toBe(200);
  });

  it('oss-v4: x-oss-meta-* and forbid-overwrite headers signed and sent', async () => {
    const headers = { 'x-oss-meta-owner': 'ana', 'x-oss-forbid-overwrite': 'true' };
    const target = signed({ key: 'meta-signed.txt', headers });
    expect((await call(target, 'PUT', headers, 'm')).status).toBe(200);
  });

  it('accepts a signing time up to 15 minutes ahead of the server clock', async () => {
    expect((await call(signed({ at: NOW + 14 * MINUTE, key: 'ahead.txt' }), 'PUT', {}, 'a')).status).toBe(200);
  });

  it('accepts a URL signed long ago while it is still valid', async () => {
    expect((await call(signed({ at: NOW - 6 * 24 * 60 * MINUTE, expires: 604_800, key: 'old.txt' }), 'PUT', {}, 'o')).status).toBe(200);
  });

  it('accepts an STS token in the signed query', async () => {
    for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
      const target = signed({ scheme, securityToken: 'CAIS+token/with=chars', key: `sts-${scheme}.txt` });
      expect((await call(target, 'PUT', {}, 's')).status).toBe(200);
    }
  });

  it('s3-v4: accepts the region with or without the oss- prefix', async () => {
    const target = signed({ scheme: 's3-v4', region: 'oss-cn-hangzhou', key: 's3-prefixed-region.txt' });
    expect((await call(target, 'PUT', {}, 'r')).status).toBe(200);
  });
});

describe('rejected presigned URLs', () => {
  it('unknown access key id → 403 InvalidAccessKeyId', async () => {
    for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
      const response = await call(signed({ scheme, accessKeyId: 'LTAI5tNobodyKnowsMe' }), 'PUT', {}, 'x');
      expectOssError(response, 403, 'InvalidAccessKeyId');
      expect(response.text).toContain('<OSSAccessKeyId>LTAI5tNobodyKnowsMe</OSSAccessKeyId>');
    }
  });

  it('wrong secret → 403 SignatureDoesNotMatch carrying the server string to sign and canonical request', async () => {
    for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
      const response = await call(signed({ scheme, secret: 'not-the-secret' }), 'PUT', {}, 'x');
      expectOssError(response, 403, 'SignatureDoesNotMatch');
      expect(response.text).toContain('<StringToSign>');
      if (scheme !== 'oss-v1') expect(response.text).toContain('<CanonicalRequest>PUT\n');
      expect(response.text).not.toContain(ACCESS_KEY_SECRET);
    }
  });

  it('expired → 403 AccessDenied "Request has expired"', async () => {
    for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
      const response = await call(signed({ scheme, at: NOW - 2 * 60 * MINUTE, expires: 3600 }), 'PUT', {}, 'x');
      expectOssError(response, 403, 'AccessDenied');
      expect(response.text).toContain('Request has expired');
    }
  });

  it('signed more than 15 minutes in the future → 403 RequestTimeTooSkewed with the server Date', async () => {
    for (const scheme of ['oss-v4', 's3-v4'] as const) {
      const response = await call(signed({ scheme, at: NOW + 20 * MINUTE }), 'PUT', {}, 'x');
      expectOssError(response, 403, 'RequestTimeTooSkewed');
      expect(response.text).toContain('<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>');
      expect(Date.parse(String(response.headers['date']))).toBe(NOW);
    }
  });

  it('wrong region in the credential scope → 400 InvalidArgument naming the bucket region', async () => {
    for (const scheme of ['oss-v4', 's3-v4'] as const) {
      const response = await call(signed({ scheme, region: 'cn-beijing' }), 'PUT', {}, 'x');
      expectOssError(response, 400, 'InvalidArgument');
      expect(response.text).toContain('Invalid signing region');
      expect(response.text).toContain('<Region>cn-hangzhou</Region>');
    }
  });

  it('a signed Content-Type sent with another value → SignatureDoesNotMatch', async () => {
    for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
      const target = signed({ scheme, headers: { 'Content-Type': 'image/png' } });
      const response = await call(target, 'PUT', { 'content-type': 'text/plain;charset=UTF-8' }, 'x');
      expectOssError(response, 403, 'SignatureDoesNotMatch');
      if (scheme !== 's3-v4') expect(response.text).toContain('text/plain;charset=UTF-8');
    }
  });

  it('OSS schemes: a Content-Type, Content-MD5 or x-oss-* header sent but not signed → SignatureDoesNotMatch', async () => {
    const unsigned = [
      { 'content-type': 'text/plain' },
      { 'content-md5': 'XUFAKrxLKna5cZ2REBfFkg==' },
      { 'x-oss-meta-extra': 'sneaky' },
    ];
    for (const scheme of ['oss-v4', 'oss-v1'] as const) {
      for (const headers of unsigned) {
        expectOssError(await call(signed({ scheme }), 'PUT', headers, 'hello'), 403, 'SignatureDoesNotMatch');
      }
    }
  });

  it('s3-v4: an x-amz-* or x-oss-* header sent but not signed → AccessDenied', async () => {
    const response = await call(signed({ scheme: 's3-v4' }), 'PUT', { 'x-amz-meta-extra': 'sneaky' }, 'x');
    expectOssError(response, 403, 'AccessDenied');
    expect(response.text).toContain('x-amz-meta-extra');
  });

  it('a tampered key, an added sub-resource or another method → SignatureDoesNotMatch', async () => {
    for (const scheme of ['oss-v4', 'oss-v1', 's3-v4'] as const) {
      const target = signed({ scheme, key: 'tamper/a.txt' });
      const otherKey = { ...target, path: target.path.replace('/tamper/a.txt', '/tamper/b.txt') };
      expectOssError(await call(otherKey, 'PUT', {}, 'x'), 403, 'SignatureDoesNotMatch');
      const extraQuery = { ...target, path: `${target.path}&x-oss-traffic-limit=819200` };
      expectOssError(await call(extraQuery, 'PUT', {}, 'x'), 403, 'SignatureDoesNotMatch');
      expectOssError(await call(target, 'DELETE'), 403, 'SignatureDoesNotMatch');
    }
  });

  it('an additional header listed but not sent → InvalidArgument', async () => {
    const target = signed({ headers: { 'cache-control': 'no-cache' }, additionalHeaders: ['cache-control'] });
    expectOssError(await call(target, 'PUT', {}, 'x'), 400, 'InvalidArgument');
  });

  it('x-oss-expires outside 1..604800 and malformed credentials → InvalidArgument', async () => {
    const target = signed();
    for (const [from, to] of [
      [/x-oss-expires=\d+/, 'x-oss-expires=0'],
      [/x-oss-expires=\d+/, 'x-oss-expires=604801'],
      [/x-oss-credential=[^&]+/, 'x-oss-credential=nonsense'],
      [/x-oss-date=[^&]+/, 'x-oss-date=2026-11-21'],
    ] as const) {
      expectOssError(await call({ ...target, path: target.path.replace(from, to) }, 'PUT', {}, 'x'), 400, 'InvalidArgument');
    }
  });

  it('no signature at all → 403 AccessDenied; a URL signature plus an Authorization header → InvalidArgument', async () => {
    expectOssError(await call({ path: '/photos/anon.txt', host: `127.0.0.1:${h.port}` }, 'PUT', {}, 'x'), 403, 'AccessDenied');
    expectOssError(await call(signed(), 'PUT', { authorization: 'OSS a:b' }, 'x'), 400, 'InvalidArgument');
  });

  it('a rejected upload leaves no object behind', async () => {
    await call(signed({ key: 'never.txt', secret: 'wrong' }), 'PUT', {}, 'x');
    expect((await call(signed({ key: 'never.txt', method: 'GET' }), 'GET')).status).toBe(404);
  });
});
