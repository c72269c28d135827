/**
 * The web host's secrets: the access token printed in the page URL, and the weaker asset key the page's
 * cookie holds. Both are fresh for every start of the host.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why 32 bytes: 256 bits, beyond guessing by any client that can reach loopback. */
const SECRET_BYTES = 32;

/** A new random secret: 256 bits as 43 base64url characters (valid in a URL, a header and a sub-protocol). */
export function createSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/**
 * True when `given` equals `expected`, in time that does not depend on where they differ. Both are hashed
 * first so their lengths need not match (timingSafeEqual requires equal lengths).
 */
export function secretMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined || given === '') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
