import { timingSafeEqual } from 'node:crypto';

/** Compares a computed signature with the one provided in constant time (no timing oracle on the prefix). */
export function signaturesEqual(computed: string, provided: string): boolean {
  const a = Buffer.from(computed, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
