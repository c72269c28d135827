/**
 * What the link form may offer for a profile (`links:limits`): the store's storage classes and features,
 * and the longest validity allowed now, with a plain sentence saying why it is capped there.
 *
 * A link cannot outlive the credentials that signed it: with temporary (STS) credentials the cap is the
 * token's remaining life when that is shorter than seven days.
 */
import { storeLinkOptions, type LinkExpiryCap, type LinkLimits } from '../../shared/ipc/link-types.js';
import type { ProfileCredentials } from '../profiles/profile-credentials.js';
import { MAX_LINK_EXPIRY_SECONDS, type Profile } from '../profiles/profile-schema.js';
import { formatInstant, tokenLife } from '../profiles/sts-expiry.js';
import { describeDuration } from '../transfer/oss-error-info.js';

/** The cap, the longest validity and why. */
interface Cap {
  readonly cap: LinkExpiryCap;
  readonly maxExpirySeconds: number;
  readonly capReason: string;
}

function signatureMaxReason(profile: Profile): string {
  return profile.scheme === 'oss-v1'
    ? 'Links can last at most 7 days: the longest Dropsign offers (V1 signatures have no limit of their own, but long-lived links are a risk).'
    : 'Links can last at most 7 days: the longest validity a V4 signature allows.';
}

function capFor(profile: Profile, credentials: ProfileCredentials, nowMs: number): Cap {
  const life = tokenLife(credentials.securityToken, credentials.securityTokenExpiresAt, nowMs);
  switch (life.kind) {
    case 'none':
      return { cap: { kind: 'signature-max' }, maxExpirySeconds: MAX_LINK_EXPIRY_SECONDS, capReason: signatureMaxReason(profile) };
    case 'unknown-expiry':
      return {
        cap: { kind: 'signature-max' },
        maxExpirySeconds: MAX_LINK_EXPIRY_SECONDS,
        capReason:
          'The profile signs with a temporary (STS) token whose expiry is unknown, so links are capped at 7 days only; they stop working when the token does, which may be much sooner.',
      };
    case 'expired':
      return {
        cap: { kind: 'token-expired', tokenExpiresAt: life.expiresAt },
        maxExpirySeconds: 0,
        capReason: `The profile's temporary (STS) token expired at ${formatInstant(life.expiresAt)}: no link signed with it works until fresh credentials are stored.`,
      };
    case 'valid': {
      const seconds = Math.floor(life.remainingMs / 1000);
      if (seconds >= MAX_LINK_EXPIRY_SECONDS) {
        return { cap: { kind: 'signature-max' }, maxExpirySeconds: MAX_LINK_EXPIRY_SECONDS, capReason: signatureMaxReason(profile) };
      }
      return {
        cap: { kind: 'token-expiry', tokenExpiresAt: life.expiresAt },
        maxExpirySeconds: seconds,
        capReason: `The profile's temporary (STS) token expires at ${formatInstant(life.expiresAt)} (in ${describeDuration(life.remainingMs)}), and a link cannot outlive the credentials that signed it.`,
      };
    }
  }
}

/** The limits of `profile` at `nowMs`, given its credentials (for the STS token's expiry). */
export function linkLimits(profile: Profile, credentials: ProfileCredentials, nowMs: number): LinkLimits {
  return {
    profile: profile.name,
    provider: profile.provider,
    scheme: profile.scheme,
    bucket: profile.bucket,
    ...capFor(profile, credentials, nowMs),
    ...storeLinkOptions(profile.provider),
    keyPrefix: profile.keyPrefix,
  };
}
