/**
 * The upload callback of a PUT link: the `callback` query parameter is the base64 JSON OSS documents (the
 * same config ali-oss puts in its presigned URLs), signed into the URL; it is refused, naming the field,
 * for GET links, for S3 stores, and for URLs that are not http(s) or carry a password.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { createLink } from '../../../../electron/core/links/create-link.js';
import { callbackConfig, callbackQueryParam } from '../../../../electron/core/links/link-callback.js';
import type { Profile } from '../../../../electron/core/profiles/profile-schema.js';
import type { LinkCallback } from '../../../../electron/shared/ipc/link-types.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const OSS: Profile = {
  name: 'prod',
  provider: 'oss',
  scheme: 'oss-v4',
  region: 'cn-hangzhou',
  endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' },
  style: 'path',
  bucket: 'photos',
  keyPrefix: '',
  linkExpirySeconds: 3600,
  accessKeyId: 'LTAI5tExample',
  secretStore: 'keychain',
};
const CREDENTIALS = { accessKeyId: OSS.accessKeyId, accessKeySecret: 'Callback+Secret/Value' };
const CALLBACK: LinkCallback = { url: 'https://app.example.com/oss/done?from=link', body: 'bucket=${bucket}&object=${object}&size=${size}', bodyType: 'application/json', host: 'app.example.com' };

function decoded(value: string | undefined): unknown {
  return JSON.parse(Buffer.from(value ?? '', 'base64').toString('utf8'));
}

/** The `callback` parameter ali-oss 6 puts in a V1 presigned URL for the same callback. */
function aliOssCallback(callback: LinkCallback): unknown {
  const AliOss = createRequire(import.meta.url)('ali-oss') as new (options: Record<string, unknown>) => { signatureUrl(name: string, options: Record<string, unknown>): string };
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const client = new AliOss({ region: 'oss-cn-hangzhou', accessKeyId: 'AK', accessKeySecret: 'SK', bucket: 'photos' });
    const url = client.signatureUrl('a.txt', { method: 'PUT', callback: { url: callback.url, body: callback.body, host: callback.host, contentType: callback.bodyType } });
    return decoded(new URL(url).searchParams.get('callback') ?? undefined);
  } finally {
    warn.mockRestore();
  }
}

describe('the callback parameter', () => {
  it('is the base64 JSON OSS documents, as ali-oss encodes it', () => {
    const param = callbackQueryParam(CALLBACK);
    expect(param.name).toBe('callback');
    expect(decoded(param.value)).toEqual({
      callbackUrl: 'https://app.example.com/oss/done?from=link',
      callbackBody: 'bucket=${bucket}&object=${object}&size=${size}',
      callbackBodyType: 'application/json',
      callbackHost: 'app.example.com',
    });
    expect(decoded(param.value)).toEqual(aliOssCallback(CALLBACK));
  });

  it('defaults to the form encoding, leaves the host out, and percent-encodes the URL', () => {
    expect(callbackConfig({ url: 'http://127.0.0.1:8080/回调 x', body: 'a=${etag}' })).toEqual({
      callbackUrl: 'http://127.0.0.1:8080/%E5%9B%9E%E8%B0%83%20x',
      callbackBody: 'a=${etag}',
      callbackBodyType: 'application/x-www-form-urlencoded',
    });
  });

  it.each([
    ['not a URL', { url: 'not a url', body: 'a' }, /not a URL/],
    ['another scheme', { url: 'ftp://host/x', body: 'a' }, /http or https/],
    ['a password in it', { url: 'https://user:pw@host/x', body: 'a' }, /user name or password/],
    ['an empty body', { url: 'https://host/x', body: '' }, /body is empty/],
  ] as const)('is refused with %s, naming the field', (_what, callback, message) => {
    expect(() => callbackConfig(callback)).toThrow(expect.objectContaining({ code: 'invalid-argument', message: expect.stringMatching(message), details: { field: 'callback' } }));
  });
});

describe('createLink with a callback', () => {
  const make = (overrides: Partial<Parameters<typeof createLink>[0]> & { request: Parameters<typeof createLink>[0]['request'] }) =>
    createLink({ profile: OSS, credentials: CREDENTIALS, defaultExpirySeconds: 600, now: () => NOW, ...overrides });

  it('signs the callback into a PUT link and adds no header', () => {
    const link = make({ request: { method: 'PUT', key: 'in/a.txt', contentType: 'text/plain', callback: CALLBACK } });
    const url = new URL(link.url);
    expect(decoded(url.searchParams.get('callback') ?? undefined)).toMatchObject({ callbackUrl: CALLBACK.url });
    expect(url.searchParams.get('x-oss-signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(link.headers).toEqual({ 'content-type': 'text/plain' });
    // Changing the callback changes the signature: it is signed.
    const other = make({ request: { method: 'PUT', key: 'in/a.txt', contentType: 'text/plain', callback: { ...CALLBACK, body: 'x=1' } } });
    expect(new URL(other.url).searchParams.get('x-oss-signature')).not.toBe(url.searchParams.get('x-oss-signature'));
  });

  it('signs it as a sub-resource with OSS V1 too', () => {
    const v1 = make({ profile: { ...OSS, scheme: 'oss-v1' }, request: { method: 'PUT', key: 'a', callback: CALLBACK } });
    const plain = make({ profile: { ...OSS, scheme: 'oss-v1' }, request: { method: 'PUT', key: 'a' } });
    expect(new URL(v1.url).searchParams.get('Signature')).not.toBe(new URL(plain.url).searchParams.get('Signature'));
  });

  it('is refused for GET links and S3 stores, naming the field', () => {
    expect(() => make({ request: { method: 'GET', key: 'a', callback: CALLBACK } })).toThrow(expect.objectContaining({ code: 'invalid-argument', details: { field: 'callback' } }));
    expect(() => make({ profile: { ...OSS, provider: 's3', scheme: 's3-v4' }, request: { method: 'PUT', key: 'a', callback: CALLBACK } })).toThrow(
      expect.objectContaining({ code: 'invalid-argument', message: expect.stringContaining('S3-compatible'), details: { field: 'callback' } }),
    );
  });
});
