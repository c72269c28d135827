/**
 * Keys as an attacker writes them: every valid key round-trips exactly, invalid ones get OSS errors, and
 * nothing is ever read or written outside the data directory (checked on the file system).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeKey, errorCode, listFiles, send, startHarness, type Harness } from './harness.js';

let h: Harness;
let outsideBefore: string[];
const SENTINEL = 'do not touch';

beforeAll(async () => {
  h = await startHarness();
  // Bait next to the data directory: what a `../` would reach.
  await writeFile(path.join(h.root, 'outside.txt'), SENTINEL);
  await mkdir(path.join(h.root, 'etc'), { recursive: true });
  await writeFile(path.join(h.root, 'etc', 'passwd'), SENTINEL);
  outsideBefore = await outsideFiles();
});
afterAll(async () => {
  await h.close();
});

async function outsideFiles(): Promise<string[]> {
  return (await listFiles(h.root)).filter((f) => !f.startsWith(`data${path.sep}`));
}

/** Keys that look like path tricks but are valid OSS keys: each must round-trip exactly. */
const HOSTILE_KEYS = [
  '../outside.txt',
  '../../outside.txt',
  `${'../'.repeat(20)}etc/passwd`,
  '%2e%2e/outside.txt',
  '..%2f..%2foutside.txt',
  '%252e%252e%252f',
  '..\\..\\outside.txt',
  '..\\/..\\/outside.txt',
  'a//b',
  'a///',
  'dir/',
  '.',
  '..',
  '...',
  './x',
  'a/./b/../c',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  'C:/Windows/win.ini',
  'nul\u0000byte',
  '\u0000',
  'con',
  'NUL',
  'aux.txt',
  'line\nbreak\r\n',
  'tab\there',
  'space name +plus',
  'question?mark#hash&amp=eq;semi',
  '猫'.repeat(341),
  `${'é'.repeat(511)}a`,
  '\u{1F600}'.repeat(255),
  '../'.repeat(341),
  '\u202Egnp.exe',
];

describe('hostile but valid keys', () => {
  it('are 1..1023 bytes, as the test means them to be', () => {
    for (const key of HOSTILE_KEYS) expect(Buffer.byteLength(key)).toBeLessThanOrEqual(1023);
  });

  it.each(HOSTILE_KEYS.map((k) => [JSON.stringify(k).slice(0, 60), k]))('%s round-trips exactly', async (_label, key) => {
    const body = Buffer.from(`body of ${key}`);
    const put = await send(h.port, 'PUT', `/photos/${encodeKey(key)}`, { body });
    expect(put.status).toBe(200);
    const get = await send(h.port, 'GET', `/photos/${encodeKey(key)}`);
    expect(get.status).toBe(200);
    expect(get.body.equals(body)).toBe(true);
    const listed = await send(h.port, 'GET', `/photos?encoding-type=url&max-keys=1000&prefix=${encodeURIComponent(key)}`);
    const keys = [...listed.text.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => decodeURIComponent(m[1] ?? ''));
    expect(keys).toContain(key);
  });

  it('arrive verbatim on the wire too (no client-side encoding, no normalisation)', async () => {
    const cases: [string, string][] = [
      ['/photos/../outside.txt', '../outside.txt'],
      ['/photos/..\\..\\outside.txt', '..\\..\\outside.txt'],
      ['/photos/%2e%2e%2f%2e%2e%2foutside.txt', '../../outside.txt'],
      ['/photos/./x', './x'],
    ];
    for (const [rawPath, key] of cases) {
      const body = `raw ${rawPath}`;
      expect((await send(h.port, 'PUT', rawPath, { body })).status).toBe(200);
      expect((await send(h.port, 'GET', `/photos/${encodeKey(key)}`)).text).toBe(body);
    }
  });

  it('round-trip for arbitrary Unicode (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), async (key) => {
        fc.pre(!key.startsWith('/') && !key.startsWith('\\'));
        const put = await send(h.port, 'PUT', `/photos/${encodeKey(key)}`, { body: key });
        expect(put.status).toBe(200);
        expect((await send(h.port, 'GET', `/photos/${encodeKey(key)}`)).text).toBe(key);
      }),
      { numRuns: 40 },
    );
  });
});

describe('invalid names', () => {
  it.each([
    ['/photos//etc/passwd', 'InvalidObjectName'],
    ['/photos/%2Fetc%2Fpasswd', 'InvalidObjectName'],
    ['/photos/%5Cserver%5Cshare', 'InvalidObjectName'],
    [`/photos/${'x'.repeat(1024)}`, 'InvalidObjectName'],
    [`/photos/${encodeKey('猫'.repeat(342))}`, 'InvalidObjectName'],
    ['/photos/%C3%28', 'InvalidObjectName'],
    ['/../outside.txt', 'InvalidBucketName'],
    ['/%2e%2e/outside.txt', 'InvalidBucketName'],
    ['/photos%2f..%2f..%2foutside.txt', 'InvalidBucketName'],
    ['/PHOTOS/x', 'InvalidBucketName'],
  ])('PUT %s → %s', async (rawPath, code) => {
    const res = await send(h.port, 'PUT', rawPath, { body: 'evil' });
    expect(res.status).toBe(400);
    expect(errorCode(res.text)).toBe(code);
  });

  it('refuses a hostile virtual-hosted Host header', async () => {
    const res = await send(h.port, 'PUT', '/outside.txt', { headers: { host: '..localhost' }, body: 'evil' });
    expect(errorCode(res.text)).toBe('InvalidBucketName');
  });
});

describe('the file system afterwards', () => {
  it('holds nothing new outside the data directory, and the bait is intact', async () => {
    expect(await outsideFiles()).toEqual(outsideBefore);
    expect(await readFile(path.join(h.root, 'outside.txt'), 'utf8')).toBe(SENTINEL);
    expect(await readFile(path.join(h.root, 'etc', 'passwd'), 'utf8')).toBe(SENTINEL);
  });

  it('holds only hashed object files inside it', async () => {
    const files = await listFiles(h.dataDir);
    const allowed = [
      /^server\.lock$/,
      /^buckets\/photos\/bucket\.json$/,
      /^buckets\/photos\/objects\/([0-9a-f]{2})\/\1[0-9a-f]{62}$/,
    ];
    for (const file of files) expect(allowed.some((re) => re.test(file.split(path.sep).join('/'))), file).toBe(true);
    expect(files.length).toBeGreaterThan(HOSTILE_KEYS.length);
  });
});
