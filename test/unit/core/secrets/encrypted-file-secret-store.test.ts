import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, type PassphraseRequest } from '../../../../electron/core/secrets/encrypted-file-secret-store.js';
import { acceptableKdfParams, DEFAULT_KDF_PARAMS, type KdfParams } from '../../../../electron/core/secrets/sealed-box.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

/** Cheap scrypt parameters: the tests are about the format, not the cost. */
const FAST: KdfParams = { N: 2 ** 10, r: 8, p: 1 };
const SECRET = JSON.stringify({ accessKeySecret: 'Encrypted+Secret/Value=1' });
const OTHER = JSON.stringify({ accessKeySecret: 'Another+Secret/Value=2' });

let dir = '';
let file = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-enc-'));
  file = path.join(dir, 'secrets.enc.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function store(passphrase: string, asked: PassphraseRequest[] = []): EncryptedFileSecretStore {
  return new EncryptedFileSecretStore({
    path: file,
    kdfParams: FAST,
    passphrase: (request) => {
      asked.push(request);
      return Promise.resolve(passphrase);
    },
  });
}

async function errorOf(promise: Promise<unknown>): Promise<DropsignError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DropsignError) return error;
    throw error;
  }
  throw new Error('expected a DropsignError');
}

describe('EncryptedFileSecretStore', () => {
  it('round-trips secrets, asks for a new passphrase once, and opens with it in another instance', async () => {
    const asked: PassphraseRequest[] = [];
    const first = store('correct horse battery staple', asked);
    await first.set('profile:prod', SECRET);
    await first.set('profile:staging', OTHER);
    expect(asked).toEqual([{ creating: true }]);
    const second = store('correct horse battery staple', asked);
    expect(await second.get('profile:prod')).toBe(SECRET);
    expect(await second.get('profile:staging')).toBe(OTHER);
    expect(await second.get('profile:none')).toBeUndefined();
    expect(asked).toEqual([{ creating: true }, { creating: false }]);
  });

  it('writes no plaintext, a per-entry salt and nonce, mode 0600, and no temporary files', async () => {
    const s = store('pass phrase');
    await s.set('profile:a', SECRET);
    await s.set('profile:b', SECRET);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('Encrypted+Secret');
    expect(text).not.toContain('pass phrase');
    const document = JSON.parse(text) as { version: number; data: { kdf: KdfParams; entries: Record<string, { salt: string; nonce: string; ciphertext: string }> } };
    expect(document.version).toBe(1);
    expect(document.data.kdf).toEqual({ algorithm: 'scrypt', ...FAST });
    const { 'profile:a': a, 'profile:b': b } = document.data.entries;
    expect(a?.salt).not.toBe(b?.salt);
    expect(a?.nonce).not.toBe(b?.nonce);
    expect(a?.ciphertext).not.toBe(b?.ciphertext);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['secrets.enc.json']);
  });

  it('reads nothing and asks nothing when there is no file or no entry', async () => {
    const asked: PassphraseRequest[] = [];
    expect(await store('x', asked).get('profile:prod')).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('refuses a wrong passphrase with a typed error, for reads and for writes', async () => {
    await store('right passphrase').set('profile:prod', SECRET);
    const read = await errorOf(store('wrong passphrase').get('profile:prod'));
    expect(read.code).toBe('wrong-passphrase');
    expect(read.message).not.toContain('passphrase wrong');
    const write = await errorOf(store('wrong passphrase').set('profile:other', OTHER));
    expect(write.code).toBe('wrong-passphrase');
    // The failed write changed nothing.
    expect(await store('right passphrase').get('profile:other')).toBeUndefined();
  });

  it('detects a tampered ciphertext (right passphrase) as a damaged entry', async () => {
    await store('p').set('profile:prod', SECRET);
    const document = JSON.parse(await readFile(file, 'utf8')) as { data: { entries: Record<string, { ciphertext: string }> } };
    const entry = document.data.entries['profile:prod'];
    if (entry === undefined) throw new Error('entry missing');
    const bytes = Buffer.from(entry.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    entry.ciphertext = bytes.toString('base64');
    await writeFile(file, JSON.stringify(document));
    const error = await errorOf(store('p').get('profile:prod'));
    expect(error.code).toBe('secret-file-damaged');
  });

  it('binds each entry to its account: a value moved to another account does not decrypt', async () => {
    await store('p').set('profile:prod', SECRET);
    await store('p').set('profile:evil', OTHER);
    const document = JSON.parse(await readFile(file, 'utf8')) as { data: { entries: Record<string, unknown> } };
    document.data.entries['profile:evil'] = document.data.entries['profile:prod'];
    await writeFile(file, JSON.stringify(document));
    expect((await errorOf(store('p').get('profile:evil'))).code).toBe('secret-file-damaged');
  });

  it('binds the KDF parameters: weakening them in the file makes every entry fail', async () => {
    await store('p').set('profile:prod', SECRET);
    const document = JSON.parse(await readFile(file, 'utf8')) as { data: { kdf: { N: number } } };
    document.data.kdf.N = 2 ** 11;
    await writeFile(file, JSON.stringify(document));
    // The verifier no longer opens either: reported as a wrong passphrase (GCM cannot tell which).
    expect((await errorOf(store('p').get('profile:prod'))).code).toBe('wrong-passphrase');
  });

  it('sets a damaged file aside, reports it, and never starts over silently', async () => {
    await writeFile(file, '{"version":1,"data":{"kdf":');
    const error = await errorOf(store('p').get('profile:prod'));
    expect(error.code).toBe('secret-file-damaged');
    expect(error.hint).toContain('.corrupt-');
    expect((await readdir(dir)).some((name) => name.startsWith('secrets.enc.json.corrupt-'))).toBe(true);
  });

  it('refuses KDF parameters outside the accepted range (a hostile file cannot make a read cost minutes)', async () => {
    expect(acceptableKdfParams(DEFAULT_KDF_PARAMS)).toBe(true);
    expect(acceptableKdfParams({ N: 2 ** 24, r: 8, p: 1 })).toBe(false);
    expect(acceptableKdfParams({ N: 1000, r: 8, p: 1 })).toBe(false);
    expect(acceptableKdfParams({ N: 2 ** 12, r: 64, p: 1 })).toBe(false);
  });

  it('deletes entries without asking for the passphrase', async () => {
    await store('p').set('profile:prod', SECRET);
    const asked: PassphraseRequest[] = [];
    const s = store('ignored', asked);
    expect(await s.delete('profile:prod')).toBe(true);
    expect(await s.delete('profile:prod')).toBe(false);
    expect(asked).toEqual([]);
  });

  it('refuses an empty passphrase', async () => {
    expect((await errorOf(store('').set('profile:prod', SECRET))).code).toBe('wrong-passphrase');
  });
});
