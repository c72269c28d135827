/**
 * Things a profile works with but a user should know: a mainland-China OSS bucket without a custom domain,
 * temporary credentials that have expired or have no known expiry, and a clock that is off.
 */
import { describeDuration } from '../transfer/oss-error-info.js';
import { endpointUrl, isDefaultOssDomain, isMainlandChinaRegion } from './profile-endpoint.js';
import type { ProfileCredentials } from './profile-credentials.js';
import type { Profile } from './profile-schema.js';
import { formatInstant, tokenLife } from './sts-expiry.js';

/** One warning: what, and what to do. */
export interface ProfileWarning {
  readonly code: 'mainland-custom-domain' | 'token-expired' | 'token-expiry-unknown' | 'clock-offset';
  readonly message: string;
  readonly hint: string;
}

/**
 * Clock differences worth a warning even when requests pass. Why 60 s: the Date header has one-second
 * resolution and a request takes a moment, so small differences are noise; a minute already shortens or
 * lengthens every link noticeably, and past 15 minutes every signature is refused.
 */
export const CLOCK_WARNING_MS = 60_000;

/**
 * OSS buckets in mainland China regions reached through the default `*.aliyuncs.com` domain: browsers
 * are made to download instead of showing files there, and since 2025-03-20 new accounts must use a custom
 * domain for data access, so share links on the default domain may not work for recipients.
 */
export function mainlandChinaWarning(profile: Profile): ProfileWarning | undefined {
  if (profile.provider !== 'oss' || !isMainlandChinaRegion(profile.region)) return undefined;
  if (profile.customDomain !== undefined || profile.style === 'cname') return undefined;
  if (!isDefaultOssDomain(endpointUrl(profile))) return undefined;
  return {
    code: 'mainland-custom-domain',
    message:
      `The bucket is in a mainland China region (${profile.region}) and the profile uses the default aliyuncs.com domain: ` +
      'browsers cannot preview files through it, and accounts created since 2025-03-20 must use a custom domain for data access there.',
    hint: `Bind a custom domain (with an HTTPS certificate) to the bucket in the OSS console, then: dropsign profile add ${profile.name} --replace --custom-domain https://files.example.com.`,
  };
}

/** Expired or expiry-less STS tokens. */
export function tokenWarning(profile: Profile, credentials: ProfileCredentials, nowMs: number): ProfileWarning | undefined {
  const life = tokenLife(credentials.securityToken, credentials.securityTokenExpiresAt, nowMs);
  const refresh = `dropsign profile add ${profile.name} --replace --access-key-id ID --with-session-token --session-token-expires TIME`;
  if (life.kind === 'expired') {
    return {
      code: 'token-expired',
      message: `The temporary (STS) credentials expired at ${formatInstant(life.expiresAt)}, ${describeDuration(life.agoMs)} ago.`,
      hint: `Get new STS credentials and store them: ${refresh}.`,
    };
  }
  if (life.kind === 'unknown-expiry') {
    return {
      code: 'token-expiry-unknown',
      message: 'The profile has a temporary (STS) token without a known expiry, so Dropsign cannot warn before links die with it.',
      hint: `Store its expiry: ${refresh}.`,
    };
  }
  return undefined;
}

/** A clock off by a minute or more (positive `offsetMs`: the local clock is behind). */
export function clockWarning(offsetMs: number | undefined): ProfileWarning | undefined {
  if (offsetMs === undefined || Math.abs(offsetMs) < CLOCK_WARNING_MS) return undefined;
  const behind = offsetMs > 0;
  return {
    code: 'clock-offset',
    message: `Your computer's clock is ${describeDuration(offsetMs)} ${behind ? 'behind' : 'ahead of'} the server's: links expire that much ${behind ? 'earlier' : 'later'} than they say, and past 15 minutes signatures are refused.`,
    hint: 'Turn on automatic date and time (network time) in the system settings.',
  };
}
