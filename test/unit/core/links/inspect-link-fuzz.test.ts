/**
 * Hostile input to link inspection: any text, any URL, and valid links damaged one character at a time.
 * Inspection either answers or fails with a typed DropsignError, and nothing it says (answer or error)
 * holds the profile's secret or the link's security token.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLink } from '../../../../electron/core/links/create-link.js';
import { inspectLink, type InspectDeps } from '../../../../electron/core/links/inspect-link.js';
import { IssuedLinkRegister } from '../../../../electron/core/links/issued-link-register.js';
import { writeProfileSecret } from '../../../../electron/core/profiles/profile-credentials.js';
import type { Profile } from '../../../../electron/core/profiles/profile-schema.js';
import { ProfileStore } from '../../../../electron/core/profiles/profile-store.js';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

const SECRET = 'Fuzz+Secret/Value=NeverShown';
const TOKEN = 'FuzzSts+Token/Value=NeverShownEither';
const PROFILES: readonly Profile[] = [
  { name: 'oss', provider: 'oss', scheme: 'oss-v4', region: 'cn-hangzhou', endpoint: { kind: 'public' }, style: 'virtual-hosted', bucket: 'photos', keyPrefix: '', linkExpirySeconds: 3600, accessKeyId: 'LTAI5tFuzz', secretStore: 'keychain' },
  { name: 'v1', provider: 'oss', scheme: 'oss-v1', region: 'cn-hangzhou', endpoint: { kind: 'custom', url: 'http://127.0.0.1:47110' }, style: 'path', bucket: 'dropsign', keyPrefix: '', linkExpirySeconds: 3600, accessKeyId: 'LTAI5tFuzzV1', secretStore: 'keychain' },
  { name: 's3', provider: 's3', scheme: 's3-v4', region: 'us-east-1', endpoint: { kind: 'custom', url: 'https://files.example.com' }, style: 'cname', bucket: 'media', keyPrefix: '', linkExpirySeconds: 3600, accessKeyId: 'minio-fuzz', secretStore: 'keychain' },
];

let dir = '';
let deps: InspectDeps;
const links: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-inspect-fuzz-'));
  const keychain = new MemorySecretStore();
  const store = ProfileStore.inAppData(dir);
  const register = IssuedLinkRegister.inAppData(dir);
  deps = { register, profiles: { appDataDir: dir, store, secretStores: () => keychain } };
  for (const profile of PROFILES) {
    await store.save(profile, { replace: false });
    await writeProfileSecret(profile, { accessKeySecret: SECRET, securityToken: TOKEN }, () => keychain);
    const credentials = { accessKeyId: profile.accessKeyId, accessKeySecret: SECRET, securityToken: TOKEN };
    const made = [
      createLink({ request: { method: 'PUT', key: 'in/a b.png', contentType: 'image/png' }, profile, credentials, defaultExpirySeconds: 600, now: Date.now }),
      createLink({ request: { method: 'GET', key: 'é/ü.jpg', responseContentDisposition: 'attachment', ...(profile.provider === 'oss' ? { process: 'image/resize,w_20' } : {}) }, profile, credentials, defaultExpirySeconds: 600, now: Date.now }),
    ];
    for (const link of made) {
      links.push(link.url);
      await register.record({ issuedAt: new Date().toISOString(), link });
    }
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Inspects `url`; fails the property on anything but an answer or a DropsignError, or on a leak. */
async function holds(url: string, answer?: string): Promise<void> {
  let outcome: unknown;
  try {
    outcome = await inspectLink(url, answer, deps);
  } catch (error) {
    expect(error).toBeInstanceOf(DropsignError);
    outcome = (error as DropsignError).toInfo();
  }
  const text = JSON.stringify(outcome);
  for (const secret of [SECRET, TOKEN, encodeURIComponent(SECRET), encodeURIComponent(TOKEN)]) expect(text).not.toContain(secret);
}

/** One damage to a link: a character deleted, inserted or replaced, or the rest cut off. */
const damaged = fc
  .tuple(fc.constantFrom(...[0, 1, 2, 3, 4, 5].map((i) => i)), fc.nat(), fc.constantFrom('', '%', '&', '=', '?', '/', '#', ':', '@', ' ', 'a', 'Z', '0', '+', '\u00e9', '%2', '%ZZ', '\n'), fc.constantFrom('delete', 'insert', 'replace', 'cut'))
  .map(([which, at, text, how]) => {
    const url = links[which] ?? '';
    const i = at % (url.length + 1);
    switch (how) {
      case 'delete':
        return url.slice(0, i) + url.slice(i + 1);
      case 'insert':
        return url.slice(0, i) + text + url.slice(i);
      case 'replace':
        return url.slice(0, i) + text + url.slice(i + 1);
      case 'cut':
        return url.slice(0, i);
    }
  });

/** Why 30 s: hundreds of inspections on a shared 2-core machine; each takes a few ms alone. */
const FUZZ_TIMEOUT_MS = 30_000;

describe('inspectLink under hostile input', { timeout: FUZZ_TIMEOUT_MS }, () => {
  it('never throws anything but a DropsignError, nor echoes a secret, for any text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 300 }), (text) => holds(text)), { numRuns: 200 });
  });

  it('… for any URL', async () => {
    await fc.assert(fc.asyncProperty(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => holds(url)), { numRuns: 100 });
  });

  it('… for valid links damaged one character at a time, with or without a server answer', async () => {
    await fc.assert(fc.asyncProperty(damaged, fc.option(fc.string({ maxLength: 200 }), { nil: undefined }), (url, answer) => holds(url, answer)), { numRuns: 400 });
  });

  it('… for valid links whose parameters run into each other (an & lost), a security token included', async () => {
    // A case the fuzzer found: OSSAccessKeyId=ID&security-token=T with the & gone made the id "IDsecurity-token=T".
    for (const url of links) {
      for (let at = url.indexOf('&'); at >= 0; at = url.indexOf('&', at + 1)) await holds(url.slice(0, at) + url.slice(at + 1));
    }
  });

  it('… for valid links whose parameter names are split by a stray = (a CI run found X-Amz-S=ecurity-Token=T)', async () => {
    for (const url of links) {
      const query = url.indexOf('?');
      for (let at = query + 1; at < url.length; at++) await holds(url.slice(0, at) + '=' + url.slice(at));
    }
  });

  it('… for valid links whose security token is cut in two by a stray &, showing no piece of it as a parameter name', async () => {
    for (const url of links) {
      const token = /(?:security-token|Security-Token)=([^&]+)/.exec(url);
      if (token?.index === undefined) continue;
      const start = token.index + token[0].length - (token[1] ?? '').length;
      for (let at = start + 1; at < start + (token[1] ?? '').length; at++) {
        const cut = url.slice(0, at) + '&' + url.slice(at);
        const piece = decodeURIComponent(url.slice(at, start + (token[1] ?? '').length));
        const shown = await inspectLink(cut, undefined, deps).then(
          (inspection) => JSON.stringify(inspection),
          (error: unknown) => JSON.stringify((error as DropsignError).toInfo()),
        );
        // Why 8: shorter pieces of the test token also occur in ordinary words of the answer.
        if (piece.length >= 8) expect(shown).not.toContain(piece);
      }
    }
  });

  it('verifies every undamaged link', async () => {
    for (const url of links) {
      const inspection = await inspectLink(url, undefined, deps);
      expect(inspection.verification.kind, url).toBe('valid');
      expect(inspection.issuedLinkId).toBeDefined();
    }
  });
});
