/**
 * The access key pair a data directory generates for itself when the user brings none: stored in the data
 * directory, readable by the owner only (mode 0600), and never printed; callers print the path.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isErrno, writeFileAtomic } from './atomic-file.js';
import { StorageLayout } from './storage-layout.js';

/** The key file's name inside the data directory. */
export const KEYS_FILE_NAME = 'access-key.json';

const keysSchema = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  createdAt: z.string().optional(),
});

/** A key pair and where it lives. */
export interface KeysFileResult {
  readonly path: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** True when this call generated the pair. */
  readonly created: boolean;
}

/** Base62, like the characters of Alibaba Cloud access keys. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Reads the data directory's key pair, generating and storing one (mode 0600) on first use. */
export async function loadOrCreateKeysFile(dataDir: string, now: () => number = Date.now): Promise<KeysFileResult> {
  const layout = new StorageLayout(dataDir);
  const file = path.join(layout.root, KEYS_FILE_NAME);
  try {
    const parsed = keysSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    await tightenMode(file);
    return { path: file, accessKeyId: parsed.accessKeyId, accessKeySecret: parsed.accessKeySecret, created: false };
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) {
      throw new Error(`The key file ${file} is unreadable or damaged; move it away to generate a new pair.`, { cause: error });
    }
  }
  // Why these lengths: a 4-letter marker + 20 characters for the id and 30 for the secret, the shape of an
  // Alibaba Cloud AccessKey pair, so code that sanity-checks key lengths accepts them; DSLB marks them local.
  const pair = { accessKeyId: `DSLB${randomText(20)}`, accessKeySecret: randomText(30), createdAt: new Date(now()).toISOString() };
  const temp = layout.tempPath('keys');
  await mkdir(path.dirname(temp), { recursive: true });
  await writeFileAtomic(temp, file, `${JSON.stringify(pair, null, 2)}\n`, 0o600);
  return { path: file, accessKeyId: pair.accessKeyId, accessKeySecret: pair.accessKeySecret, created: true };
}

/** Random base62 text from a CSPRNG, without modulo bias. */
function randomText(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: bytes at or above it would favour the first characters.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** Makes the key file owner-only again if someone loosened it (POSIX only; Windows has no such modes). */
async function tightenMode(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) await chmod(file, 0o600);
}
