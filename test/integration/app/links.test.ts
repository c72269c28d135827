/**
 * The links service end to end, as the app drives it: the embedded local bucket verifying every signature,
 * the persisted register, and the OS keychain (a private Secret Service) for a stored profile. An upload
 * link works with exactly its headers; another Content-Type is refused and `links:inspect` with the
 * server's answer names the header; an upload callback round-trips; an expired link is explained; the
 * register survives a restart and exports as CSV.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/core/app/index.js';
import { startLocalBucket, verifySignature, type LocalBucketHandle } from '../../../electron/core/local-bucket/index.js';
import type { InvokeChannel, InvokeResult, InvokeValue } from '../../../electron/shared/ipc/channels.js';
import { KEYRING_NOTE, PRIVATE_KEYRING } from '../profiles/cli-runner.js';

const OTHER_KEY_ID = 'LTAI5tLinksOtherKey';
const OTHER_SECRET = `Links+Secret/${Date.now().toString(36)}=NeverShown`;
const PROFILE = `links-it-${process.pid}`;

let root = '';
let dataDir = '';
let services: AppServices;
let other: LocalBucketHandle;
let callbackServer: Server;
let callbackUrl = '';
/** Added to the wall time of the app (signing and its local bucket), to age links without waiting. */
let clockShiftMs = 0;

async function value<C extends InvokeChannel>(reply: Promise<InvokeResult<C>>): Promise<InvokeValue<C>> {
  const result = await reply;
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function start(): Promise<AppServices> {
  // No secretStores option: the real default, the OS keychain (keytar) and the encrypted file.
  return createAppServices({ appDataDir: dataDir, face: 'desktop', version: '0.0.0-test', env: {}, home: root, localBucket: { port: 0 }, now: () => Date.now() + clockShiftMs });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dropsign-links-it-'));
  dataDir = path.join(root, 'data');
  other = await startLocalBucket({ dataDir: path.join(root, 'other'), buckets: ['photos'], region: 'cn-hangzhou', accessKeys: new Map([[OTHER_KEY_ID, OTHER_SECRET]]), authenticate: verifySignature });
  callbackServer = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ app: 'got it', body })));
  });
  await new Promise<void>((resolve) => callbackServer.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(callbackServer.address() as AddressInfo).port}/uploaded`;
  services = await start();
});

afterAll(async () => {
  if (PRIVATE_KEYRING) await services?.invoke('profiles:remove', [PROFILE]);
  await services?.close();
  await other?.close();
  callbackServer?.closeAllConnections();
  await new Promise((resolve) => callbackServer?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('links through the app services', () => {
  it('makes an upload link that works with its headers; another Content-Type is refused and explained', async () => {
    const link = await value(services.invoke('links:create', [{ method: 'PUT', key: 'shared/cat.png', contentType: 'image/png', expiresInSeconds: 600 }]));
    const refused = await fetch(link.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'not a png' });
    expect(refused.status).toBe(403);
    const answer = await refused.text();
    const inspection = await value(services.invoke('links:inspect', [link.url, answer]));
    expect(inspection).toMatchObject({
      scheme: 'oss-v4',
      bucket: 'dropsign',
      key: 'shared/cat.png',
      signedHeaders: ['content-type'],
      verification: { kind: 'valid', profile: 'local', method: 'PUT' },
      answer: { code: 'signature-mismatch', message: 'The server rejected the signature: the server saw Content-Type: "text/plain" but the URL signed "image/png".' },
    });
    expect(inspection.issuedLinkId).toEqual(expect.any(String));
    const accepted = await fetch(link.url, { method: 'PUT', headers: link.headers, body: 'a png, honestly' });
    expect(accepted.status).toBe(200);
  });

  it('round-trips an upload callback through the local bucket', async () => {
    const limits = await value(services.invoke('links:limits', []));
    expect(limits).toMatchObject({ profile: 'local', supportsCallback: true, maxExpirySeconds: 604_800 });
    const link = await value(services.invoke('links:create', [{ method: 'PUT', key: 'inbox/report.txt', contentType: 'text/plain', callback: { url: callbackUrl, body: 'object=${object}&size=${size}' } }]));
    const response = await fetch(link.url, { method: 'PUT', headers: link.headers, body: 'twelve bytes' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ app: 'got it', body: 'object=inbox%2Freport.txt&size=12' });
  });

  it('explains why an expired link is refused', async () => {
    const link = await value(services.invoke('links:create', [{ method: 'GET', key: 'shared/cat.png', expiresInSeconds: 60 }]));
    clockShiftMs = 2 * 3_600_000;
    try {
      const refused = await fetch(link.url);
      expect(refused.status).toBe(403);
      const inspection = await value(services.invoke('links:inspect', [link.url, await refused.text()]));
      expect(inspection.answer).toMatchObject({ code: 'url-expired', message: expect.stringContaining(`The signed link expired at ${link.expiresAt}`) });
      const csv = await value(services.invoke('links:export-csv', []));
      expect(csv.csv).toContain(`,${link.expiresAt},expired,${link.url},`);
    } finally {
      clockShiftMs = 0;
    }
  });

  it('keeps the register across a restart, newest first, and exports it as CSV', async () => {
    const before = await value(services.invoke('links:list', []));
    expect(before.total).toBe(3);
    await services.close();
    services = await start();
    const after = await value(services.invoke('links:list', []));
    expect(after).toEqual(before);
    expect(after.links.map((link) => link.key)).toEqual(['shared/cat.png', 'inbox/report.txt', 'shared/cat.png']);
    const csv = await value(services.invoke('links:export-csv', []));
    expect(csv.csv.startsWith('\ufeffIssued at,Method,Profile,Bucket,Key,Expires at,Status,URL,Required headers\r\n')).toBe(true);
    expect(csv.csv).toContain('content-type: image/png');
  });

  it.skipIf(!PRIVATE_KEYRING)(`verifies a link of a profile whose secret is in the OS keychain ${KEYRING_NOTE}`, async () => {
    await value(
      services.invoke('profiles:save', [
        {
          profile: { name: PROFILE, provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'custom', url: other.endpoint }, style: 'path', bucket: 'photos', accessKeyId: OTHER_KEY_ID },
          secret: { accessKeySecret: OTHER_SECRET },
        },
      ]),
    );
    const link = await value(services.invoke('links:create', [{ method: 'PUT', profile: PROFILE, key: 'kept.txt', forbidOverwrite: true, metadata: [{ name: 'from', value: 'keychain' }] }]));
    // Bytes, not a string: fetch adds a Content-Type to strings, which this link does not lock (OSS refuses it).
    const put = await fetch(link.url, { method: 'PUT', headers: link.headers, body: new Uint8Array(Buffer.from('kept')) });
    expect(put.status, await put.clone().text()).toBe(200);
    const inspection = await value(services.invoke('links:inspect', [link.url]));
    expect(inspection.verification).toEqual({ kind: 'valid', profile: PROFILE, method: 'PUT' });
    expect(JSON.stringify(inspection)).not.toContain(OTHER_SECRET);
    // The same link with its key changed is not the one issued, and binds headers OSS does not name.
    const changed = await value(services.invoke('links:inspect', [link.url.replace('/kept.txt?', '/other.txt?')]));
    expect(changed.verification.kind).toBe('unchecked');
    expect(changed).not.toHaveProperty('issuedLinkId');
  });
});
