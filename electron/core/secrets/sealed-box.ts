/**
 * Passphrase encryption of one value with standard primitives from node:crypto: scrypt derives a 256-bit
 * key from the passphrase and a random per-value salt; AES-256-GCM encrypts with a random per-value nonce
 * and authenticates the ciphertext together with "associated data" (the format, the KDF parameters and the
 * account), so a value cannot be moved to another account, nor its parameters weakened, without detection.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters, stored with the file so they can be raised later without breaking old files. */
export interface KdfParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

/**
 * The parameters of new files. Why N = 2^17, r = 8, p = 1: the current OWASP minimum for scrypt (128 MiB of
 * memory, about 0.3 to 0.7 s per derivation on a laptop), which makes guessing passphrases offline costly
 * while a CLI call that needs one secret stays well under a second or two.
 */
export const DEFAULT_KDF_PARAMS: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/** A sealed value, every field base64. */
export interface SealedValue {
  readonly salt: string;
  readonly nonce: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/** Why 16 bytes: a 128-bit salt makes precomputed tables useless; the usual size for scrypt salts. */
const SALT_BYTES = 16;
/** Why 12 bytes: the nonce size GCM is specified for (other sizes are hashed down, with weaker bounds). */
const NONCE_BYTES = 12;
/** Why 32 bytes: AES-256 takes a 256-bit key. */
const KEY_BYTES = 32;
/** Why 16 bytes: GCM's full-length tag; shorter tags weaken forgery resistance. */
const TAG_BYTES = 16;

/**
 * True for parameters this code accepts when reading a file. Why these bounds: below 2^10 the KDF is too
 * cheap to matter; above 2^20 (1 GiB with r = 8) a damaged or hostile file could make a read take minutes
 * or exhaust memory; r and p beyond 32 and 16 have no legitimate use here.
 */
export function acceptableKdfParams(params: KdfParams): boolean {
  const { N, r, p } = params;
  const powerOfTwo = Number.isSafeInteger(N) && N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  return powerOfTwo && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
}

function deriveKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node refuses more than `maxmem` (32 MiB by default), so allow it plus slack.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

/** Encrypts `plaintext` under `passphrase`, binding `associatedData`. */
export async function seal(passphrase: string, plaintext: string, associatedData: string, params: KdfParams): Promise<SealedValue> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const key = await deriveKey(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/**
 * Decrypts a sealed value. Undefined when it does not authenticate: a wrong passphrase, other associated
 * data, or a changed salt, nonce, ciphertext or tag (GCM cannot tell these apart).
 */
export async function unseal(passphrase: string, sealed: SealedValue, associatedData: string, params: KdfParams): Promise<string | undefined> {
  const salt = Buffer.from(sealed.salt, 'base64');
  const nonce = Buffer.from(sealed.nonce, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (salt.length !== SALT_BYTES || nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) return undefined;
  const key = await deriveKey(passphrase, salt, params);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
