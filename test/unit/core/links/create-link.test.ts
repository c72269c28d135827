/**
 * Links to hand out: the headers a PUT binds (OSS and S3 names), the query a GET carries, fields refused
 * for the wrong method or store, the custom domain for downloads, the warnings, and the snippets.
 */
import { describe, expect, it } from 'vitest';
import { createLink, type CreateLinkInput } from '../../../../electron/core/links/create-link.js';
import { linkRequestParts } from '../../../../electron/core/links/link-request-parts.js';
import type { Profile } from '../../../../electron/core/profiles/profile-schema.js';
import type { LinkRequest } from '../../../../electron/shared/ipc/link-types.js';

const NOW = Date.parse('2026-03-01T08:00:00Z');
const OSS: Profile = {
  name: 'prod',
  provider: 'oss',
  scheme: 'oss-v4',
  region: 'eu-central-1',
  endpoint: { kind: 'public' },
  style: 'virtual-hosted',
  bucket: 'photos',
  keyPrefix: '',
  linkExpirySeconds: 3600,
  accessKeyId: 'LTAI5tExample',
  secretStore: 'keychain',
};
const S3: Profile = { ...OSS, name: 'minio', provider: 's3', scheme: 's3-v4', region: 'us-east-1', endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' }, style: 'path' };
const SECRET = 'Link+Secret/Value=NeverShown';

function make(request: LinkRequest, overrides: Partial<CreateLinkInput> = {}) {
  return createLink({ request, profile: OSS, credentials: { accessKeyId: OSS.accessKeyId, accessKeySecret: SECRET }, defaultExpirySeconds: 900, now: () => NOW, ...overrides });
}

describe('linkRequestParts', () => {
  it('binds the PUT headers with OSS names', () => {
    const parts = linkRequestParts({ method: 'PUT', key: 'a', contentType: 'image/png', forbidOverwrite: true, storageClass: 'IA', metadata: [{ name: 'Who', value: 'me' }] }, 'oss');
    expect(parts).toEqual({ headers: { 'content-type': 'image/png', 'x-oss-forbid-overwrite': 'true', 'x-oss-storage-class': 'IA', 'x-oss-meta-who': 'me' }, query: [] });
  });

  it('uses the S3 equivalents for S3 stores', () => {
    const parts = linkRequestParts({ method: 'PUT', key: 'a', forbidOverwrite: true, storageClass: 'STANDARD_IA', metadata: [{ name: 'who', value: 'me' }] }, 's3');
    expect(parts.headers).toEqual({ 'if-none-match': '*', 'x-amz-storage-class': 'STANDARD_IA', 'x-amz-meta-who': 'me' });
  });

  it('puts the GET options in the query', () => {
    const parts = linkRequestParts({ method: 'GET', key: 'a', versionId: 'v1', process: 'image/resize,w_200', responseContentDisposition: 'attachment' }, 'oss');
    expect(parts).toEqual({
      headers: {},
      query: [
        { name: 'versionId', value: 'v1' },
        { name: 'x-oss-process', value: 'image/resize,w_200' },
        { name: 'response-content-disposition', value: 'attachment' },
      ],
    });
  });

  it.each([
    ['contentType on a GET', { method: 'GET', key: 'a', contentType: 'x/y' }, 'oss', 'contentType'],
    ['metadata on a GET', { method: 'GET', key: 'a', metadata: [] }, 'oss', 'metadata'],
    ['versionId on a PUT', { method: 'PUT', key: 'a', versionId: 'v' }, 'oss', 'versionId'],
    ['x-oss-process on S3', { method: 'GET', key: 'a', process: 'image/info' }, 's3', 'process'],
    ['an OSS storage class on S3', { method: 'PUT', key: 'a', storageClass: 'IA' }, 's3', 'storageClass'],
    ['an S3 storage class on OSS', { method: 'PUT', key: 'a', storageClass: 'GLACIER' }, 'oss', 'storageClass'],
    ['a metadata name twice', { method: 'PUT', key: 'a', metadata: [{ name: 'a', value: '1' }, { name: 'A', value: '2' }] }, 'oss', 'metadata'],
  ] as const)('refuses %s, naming the field', (_why, request, store, field) => {
    expect(() => linkRequestParts(request as LinkRequest, store)).toThrow(expect.objectContaining({ code: 'invalid-argument', details: { field } }));
  });
});

describe('createLink', () => {
  it('signs a PUT with the headers to send and the default validity', () => {
    const link = make({ method: 'PUT', key: 'in/box.jpg', contentType: 'image/jpeg' });
    expect(link.method).toBe('PUT');
    expect(link.url).toMatch(/^https:\/\/photos\.oss-eu-central-1\.aliyuncs\.com\/in\/box\.jpg\?/);
    expect(link.headers).toEqual({ 'content-type': 'image/jpeg' });
    expect(link.expiresAt).toBe('2026-03-01T08:15:00Z');
    expect(link.warnings).toEqual([]);
    expect(link.snippets.curl).toContain("-H 'content-type: image/jpeg' -T 'box.jpg'");
    expect(JSON.stringify(link)).not.toContain(SECRET);
  });

  it('warns when a PUT locks no Content-Type on OSS (not on S3, which accepts an unsigned one)', () => {
    expect(make({ method: 'PUT', key: 'a' }).warnings.map((w) => w.code)).toEqual(['content-type-unlocked']);
    expect(make({ method: 'PUT', key: 'a' }, { profile: S3 }).warnings).toEqual([]);
  });

  it('downloads through the custom domain', () => {
    const link = make({ method: 'GET', key: 'a b.txt', expiresInSeconds: 60 }, { profile: { ...OSS, customDomain: 'https://files.example.com' } });
    expect(link.url).toMatch(/^https:\/\/files\.example\.com\/a%20b\.txt\?/);
    expect(link.snippets.curl).toContain("-o 'a b.txt'");
  });

  it('warns when the link outlives its STS token, and when the token has no known expiry', () => {
    const token = { accessKeyId: OSS.accessKeyId, accessKeySecret: SECRET, securityToken: 'tok' };
    const outlives = make({ method: 'GET', key: 'a', expiresInSeconds: 7200 }, { credentials: { ...token, securityTokenExpiresAt: '2026-03-01T09:00:00Z' } });
    expect(outlives.warnings.map((w) => w.code)).toEqual(['token-outlives-link']);
    expect(outlives.warnings[0]?.message).toContain('2026-03-01 09:00 UTC');
    expect(make({ method: 'GET', key: 'a', expiresInSeconds: 60 }, { credentials: { ...token, securityTokenExpiresAt: '2026-03-01T09:00:00Z' } }).warnings).toEqual([]);
    expect(make({ method: 'GET', key: 'a' }, { credentials: token }).warnings.map((w) => w.code)).toEqual(['token-expiry-unknown']);
    // The token itself travels in the URL (that is how STS links work); the secret never does.
    expect(JSON.stringify(outlives)).not.toContain(SECRET);
  });

  it('warns about the default domain of a mainland-China bucket on downloads', () => {
    const link = make({ method: 'GET', key: 'a' }, { profile: { ...OSS, region: 'cn-hangzhou' } });
    expect(link.warnings.map((w) => w.code)).toEqual(['mainland-custom-domain']);
  });

  it('refuses what the signer refuses, with its typed error', () => {
    expect(() => make({ method: 'GET', key: 'a', expiresInSeconds: 604_801 })).toThrow(expect.objectContaining({ code: 'invalid-expiry' }));
    expect(() => make({ method: 'PUT', key: 'a', metadata: [{ name: 'n', value: 'ünicode' }] })).toThrow(expect.objectContaining({ code: 'invalid-header' }));
  });
});
