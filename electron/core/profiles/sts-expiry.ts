/**
 * Temporary (STS) credentials expire, and every link signed with them dies with them, whatever expiry the
 * link itself carries. These helpers say so in one plain sentence.
 */
import { describeDuration } from '../transfer/oss-error-info.js';

/** A time as ISO text or milliseconds since the epoch. */
export type Instant = string | number;

function toMs(value: Instant): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** `2025-01-02 03:04 UTC`: a time people read at a glance. */
export function formatInstant(value: Instant): string {
  const iso = new Date(toMs(value)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The warning for a link that would outlive the token it is signed with: undefined when there is no token
 * expiry, or when the link expires first.
 */
export function linkOutlivesToken(linkExpiresAt: Instant, tokenExpiresAt: Instant | undefined): string | undefined {
  if (tokenExpiresAt === undefined) return undefined;
  const link = toMs(linkExpiresAt);
  const token = toMs(tokenExpiresAt);
  if (!Number.isFinite(link) || !Number.isFinite(token) || link <= token) return undefined;
  return (
    `This link is set to expire at ${formatInstant(link)}, but it is signed with temporary (STS) credentials that expire ` +
    `at ${formatInstant(token)}, ${describeDuration(link - token)} earlier: the link stops working when the token does.`
  );
}

/** Where a token's life stands at `nowMs`. */
export type TokenLife =
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown-expiry' }
  | { readonly kind: 'valid'; readonly expiresAt: string; readonly remainingMs: number }
  | { readonly kind: 'expired'; readonly expiresAt: string; readonly agoMs: number };

/** The life of a token that may have an expiry. */
export function tokenLife(securityToken: string | undefined, expiresAt: string | undefined, nowMs: number): TokenLife {
  if (securityToken === undefined) return { kind: 'none' };
  if (expiresAt === undefined) return { kind: 'unknown-expiry' };
  const remaining = toMs(expiresAt) - nowMs;
  return remaining > 0 ? { kind: 'valid', expiresAt, remainingMs: remaining } : { kind: 'expired', expiresAt, agoMs: -remaining };
}

/** One phrase for `profile show`: `expires 2025-01-02 03:04 UTC (in 42 minutes)`. */
export function describeTokenLife(life: TokenLife): string {
  switch (life.kind) {
    case 'none':
      return 'none (long-term AccessKey)';
    case 'unknown-expiry':
      return 'present, expiry unknown (links may stop working early)';
    case 'valid':
      return `expires ${formatInstant(life.expiresAt)} (in ${describeDuration(life.remainingMs)})`;
    case 'expired':
      return `EXPIRED at ${formatInstant(life.expiresAt)} (${describeDuration(life.agoMs)} ago)`;
  }
}
