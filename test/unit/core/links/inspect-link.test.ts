/**
 * Inspecting a pasted link: what it says, whether it was issued here, and whether its signature holds for
 * the profile with its access key id (valid, invalid, no profile, or unchecked when it binds header values
 * the URL does not carry); a server's error answer explained against what the link signed. Never the
 * secret, the signature or the token in the answer.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLink } from '../../../../electron/core/links/create-link.js';
import { inspectLink, type InspectDeps } from '../../../../electron/core/links/inspect-link.js';
import { IssuedLinkRegister } from '../../../../electron/core/links/issued-link-register.js';
import { verifySignature } from '../../../../electron/core/local-bucket/auth/verify-signature.js';
import { errorXml } from '../../../../electron/core/local-bucket/oss-xml.js';
import { parseRequestTarget } from '../../../../electron/core/local-bucket/request-target.js';
import type { IncomingRequestInfo } from '../../../../electron/core/local-bucket/types.js';
import { writeProfileSecret } from '../../../../electron/core/profiles/profile-credentials.js';
import type { Profile } from '../../../../electron/core/profiles/profile-schema.js';
import { ProfileStore } from '../../../../electron/core/profiles/profile-store.js';
import type { ProfileContext } from '../../../../electron/core/profiles/resolve-profile.js';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store.js';
import type { LinkRequest, LinkResult } from '../../../../electron/shared/ipc/link-types.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const SECRET = 'Inspect+Secret/Value=NeverShown';
const TOKEN = 'Sts+Token/Value=AlsoNeverShown';
const PROD: Profile = {
  name: 'prod',
  provider: 'oss',
  scheme: 'oss-v4',
  region: 'cn-hangzhou',
  endpoint: { kind: 'public' },
  style: 'virtual-hosted',
  bucket: 'photos',
  keyPrefix: '',
  customDomain: 'https://files.example.com',
  linkExpirySeconds: 3600,
  accessKeyId: 'LTAI5tInspect',
  secretStore: 'keychain',
};
const MINIO: Profile = { ...PROD, name: 'minio', provider: 's3', scheme: 's3-v4', region: 'us-east-1', endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' }, style: 'path', accessKeyId: 'minio-key' };
const V1: Profile = { ...PROD, name: 'old', scheme: 'oss-v1', accessKeyId: 'LTAI5tOld' };

let dir = '';
let profiles: ProfileContext;
let keychain: MemorySecretStore;
let register: IssuedLinkRegister;
let deps: InspectDeps;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-inspect-'));
  keychain = new MemorySecretStore();
  profiles = { appDataDir: dir, store: ProfileStore.inAppData(dir), secretStores: () => keychain };
  for (const profile of [PROD, MINIO, V1]) {
    await profiles.store.save(profile, { replace: false });
    await writeProfileSecret(profile, { accessKeySecret: SECRET, securityToken: TOKEN }, () => keychain);
  }
  register = IssuedLinkRegister.inAppData(dir, { now: () => NOW });
  deps = { register, profiles };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function make(profile: Profile, request: LinkRequest): LinkResult {
  return createLink({ request, profile, credentials: { accessKeyId: profile.accessKeyId, accessKeySecret: SECRET, securityToken: TOKEN }, defaultExpirySeconds: 600, now: () => NOW });
}

async function issue(profile: Profile, request: LinkRequest): Promise<LinkResult> {
  const link = make(profile, request);
  await register.record({ issuedAt: new Date(NOW).toISOString(), link });
  return link;
}

/** The error body the local bucket's verifier answers `link` with, sent with `headers`, at `atMs`. */
function serverAnswer(link: LinkResult, method: string, headers: Record<string, string>, atMs = NOW): string {
  const url = new URL(link.url);
  const target = parseRequestTarget(`${url.pathname}${url.search}`, url.host, ['aliyuncs.com']);
  const request: IncomingRequestInfo = {
    method,
    rawPath: target.rawPath,
    rawQuery: target.rawQuery,
    query: target.query,
    headers,
    rawHeaders: [],
    host: url.host,
    style: target.style,
    ...(target.bucket === undefined ? {} : { bucket: target.bucket.replace(/\.oss-cn-hangzhou$/, '') }),
    ...(target.key === undefined ? {} : { key: target.key }),
    receivedAt: atMs,
  };
  const verdict = verifySignature(request, { accessKeys: new Map([[PROD.accessKeyId, SECRET]]), region: 'cn-hangzhou' });
  if (verdict.kind !== 'denied') throw new Error('expected a denial');
  return errorXml(verdict.error, 'REQ1', url.host);
}

function expectNothingSecret(value: unknown, link?: LinkResult): void {
  const text = JSON.stringify(value);
  for (const secret of [SECRET, TOKEN, encodeURIComponent(TOKEN)]) expect(text).not.toContain(secret);
  const signature = link === undefined ? undefined : (new URL(link.url).searchParams.get('x-oss-signature') ?? new URL(link.url).searchParams.get('X-Amz-Signature') ?? new URL(link.url).searchParams.get('Signature'));
  if (signature) expect(text).not.toContain(signature);
}

describe('inspectLink', () => {
  it('describes an upload link issued here and verifies it for PUT with its locked headers', async () => {
    const link = await issue(PROD, { method: 'PUT', key: 'in/cat.png', contentType: 'image/png', metadata: [{ name: 'who', value: 'me' }] });
    const inspection = await inspectLink(link.url, undefined, deps);
    expect(inspection).toEqual({
      scheme: 'oss-v4',
      host: 'photos.oss-cn-hangzhou.aliyuncs.com',
      bucket: 'photos',
      key: 'in/cat.png',
      region: 'cn-hangzhou',
      accessKeyId: 'LTAI5tInspect',
      signedAt: '2026-11-21T08:00:00Z',
      expiresAt: '2026-11-21T08:10:00Z',
      signedHeaders: ['content-type', 'x-oss-meta-who'],
      parameters: [],
      hasSecurityToken: true,
      issuedLinkId: expect.any(String),
      verification: { kind: 'valid', profile: 'prod', method: 'PUT' },
    });
    expectNothingSecret(inspection, link);
  });

  it('verifies a download link made elsewhere (no headers) and lists its signed parameters', async () => {
    const link = make(PROD, { method: 'GET', key: 'a.jpg', process: 'image/resize,w_200', versionId: 'v1' });
    const inspection = await inspectLink(link.url, undefined, deps);
    expect(inspection).toMatchObject({ host: 'files.example.com', key: 'a.jpg', verification: { kind: 'valid', profile: 'prod', method: 'GET' } });
    expect(inspection).not.toHaveProperty('bucket');
    expect(inspection).not.toHaveProperty('issuedLinkId');
    expect(inspection.parameters).toEqual([
      { name: 'versionId', value: 'v1' },
      { name: 'x-oss-process', value: 'image/resize,w_200' },
    ]);
  });

  it('answers unchecked for an OSS link made elsewhere that binds headers the URL does not name', async () => {
    const link = make(PROD, { method: 'PUT', key: 'b.png', contentType: 'image/png' });
    const inspection = await inspectLink(link.url, undefined, deps);
    expect(inspection.verification).toMatchObject({ kind: 'unchecked', message: expect.stringContaining('Content-Type, Content-MD5 and x-oss-* headers') });
  });

  it('answers unchecked naming the headers an S3 link binds, and invalid for a changed S3 link', async () => {
    const put = make(MINIO, { method: 'PUT', key: 'c.txt', contentType: 'text/plain' });
    expect((await inspectLink(put.url, undefined, deps)).verification).toEqual({
      kind: 'unchecked',
      message: 'The link binds the values of content-type, which are not in the URL, and it was not made here, so its signature cannot be checked.',
    });
    const get = make(MINIO, { method: 'GET', key: 'c.txt' });
    expect((await inspectLink(get.url, undefined, deps)).verification).toEqual({ kind: 'valid', profile: 'minio', method: 'GET' });
    const changed = get.url.replace('/c.txt?', '/d.txt?');
    expect((await inspectLink(changed, undefined, deps)).verification).toMatchObject({ kind: 'invalid', profile: 'minio', message: expect.stringContaining('changed after it was signed') });
  });

  it('verifies OSS V1 links, through a custom domain with the profile\u2019s bucket', async () => {
    const link = make(V1, { method: 'GET', key: 'old.txt' });
    expect(await inspectLink(link.url, undefined, deps)).toMatchObject({ scheme: 'oss-v1', host: 'files.example.com', verification: { kind: 'valid', profile: 'old', method: 'GET' } });
  });

  it('says when no profile has the access key id', async () => {
    const link = createLink({ request: { method: 'GET', key: 'x' }, profile: { ...PROD, customDomain: undefined } as Profile, credentials: { accessKeyId: 'LTAI5tStranger', accessKeySecret: 'x' }, defaultExpirySeconds: 60, now: () => NOW });
    expect((await inspectLink(link.url, undefined, deps)).verification).toEqual({ kind: 'no-profile', accessKeyId: 'LTAI5tStranger' });
  });

  it('answers unchecked when the profile\u2019s secret cannot be read', async () => {
    const link = make(PROD, { method: 'GET', key: 'locked.txt' });
    keychain.setStatus({ kind: 'locked' } as never);
    try {
      const inspection = await inspectLink(link.url, undefined, deps);
      expect(inspection.verification).toMatchObject({ kind: 'unchecked', message: expect.stringContaining('the secret of profile "prod" could not be read') });
    } finally {
      keychain.setStatus({ kind: 'available' });
    }
  });

  it('explains a signature mismatch by the header that differs from what the link locks', async () => {
    const link = await issue({ ...PROD, customDomain: undefined } as Profile, { method: 'PUT', key: 'in/dog.png', contentType: 'image/png' });
    const answer = serverAnswer(link, 'PUT', { 'content-type': 'text/plain' });
    const inspection = await inspectLink(link.url, answer, deps);
    expect(inspection.answer).toMatchObject({
      code: 'signature-mismatch',
      message: 'The server rejected the signature: the server saw Content-Type: "text/plain" but the URL signed "image/png".',
      details: expect.objectContaining({ header: 'Content-Type', serverCode: 'SignatureDoesNotMatch' }),
    });
    expectNothingSecret(inspection, link);
  });

  it('explains an expired link, and says when the answer is not an error document', async () => {
    const link = await issue({ ...PROD, customDomain: undefined } as Profile, { method: 'GET', key: 'late.txt' });
    const expired = serverAnswer(link, 'GET', {}, NOW + 3_600_000);
    expect((await inspectLink(link.url, expired, deps)).answer).toMatchObject({ code: 'url-expired', message: expect.stringContaining('expired at 2026-11-21T08:10:00Z') });
    expect((await inspectLink(link.url, '<html>Bad gateway</html>', deps)).answer).toMatchObject({ code: 'invalid-argument', hint: expect.stringContaining('</Error>') });
    const denied = '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>You have no right to access this object.</Message><RequestId>R</RequestId></Error>';
    expect((await inspectLink(link.url, denied, deps)).answer).toMatchObject({ code: 'access-denied', details: { status: 403, serverCode: 'AccessDenied', requestId: 'R' } });
  });
});
