/**
 * The limits of the link form: storage classes and features by store, and the longest validity, capped
 * at seven days or by the STS token (and zero once it has expired), each with a plain reason.
 */
import { describe, expect, it } from 'vitest';
import { linkLimits } from '../../../../electron/core/links/link-limits.js';
import type { Profile } from '../../../../electron/core/profiles/profile-schema.js';
import { OSS_STORAGE_CLASSES, S3_STORAGE_CLASSES } from '../../../../electron/shared/ipc/link-types.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const OSS: Profile = {
  name: 'prod',
  provider: 'oss',
  scheme: 'oss-v4',
  region: 'cn-hangzhou',
  endpoint: { kind: 'public' },
  style: 'virtual-hosted',
  bucket: 'photos',
  keyPrefix: 'inbox/',
  linkExpirySeconds: 3600,
  accessKeyId: 'LTAI5tExample',
  secretStore: 'keychain',
};
const S3: Profile = { ...OSS, name: 'minio', provider: 's3', scheme: 's3-v4' };
const LONG_TERM = { accessKeyId: 'AK', accessKeySecret: 'SK' };

describe('linkLimits', () => {
  it('offers OSS its storage classes, processing and callbacks, for seven days with long-term keys', () => {
    expect(linkLimits(OSS, LONG_TERM, NOW)).toEqual({
      profile: 'prod',
      provider: 'oss',
      scheme: 'oss-v4',
      bucket: 'photos',
      maxExpirySeconds: 604_800,
      cap: { kind: 'signature-max' },
      capReason: 'Links can last at most 7 days: the longest validity a V4 signature allows.',
      storageClasses: [...OSS_STORAGE_CLASSES],
      supportsProcess: true,
      supportsCallback: true,
      keyPrefix: 'inbox/',
    });
  });

  it('offers S3 its storage classes and neither processing nor callbacks', () => {
    expect(linkLimits(S3, LONG_TERM, NOW)).toMatchObject({ provider: 's3', storageClasses: [...S3_STORAGE_CLASSES], supportsProcess: false, supportsCallback: false });
  });

  it('caps at the STS token when it dies within seven days', () => {
    const limits = linkLimits(OSS, { ...LONG_TERM, securityToken: 'T', securityTokenExpiresAt: '2026-11-21T09:30:00Z' }, NOW);
    expect(limits).toMatchObject({ maxExpirySeconds: 5400, cap: { kind: 'token-expiry', tokenExpiresAt: '2026-11-21T09:30:00Z' } });
    expect(limits.capReason).toBe(
      "The profile's temporary (STS) token expires at 2026-11-21 09:30 UTC (in 90 minutes), and a link cannot outlive the credentials that signed it.",
    );
  });

  it('keeps seven days for a token that lives longer', () => {
    expect(linkLimits(OSS, { ...LONG_TERM, securityToken: 'T', securityTokenExpiresAt: '2026-12-30T00:00:00Z' }, NOW)).toMatchObject({ maxExpirySeconds: 604_800, cap: { kind: 'signature-max' } });
  });

  it('allows nothing once the token has expired', () => {
    const limits = linkLimits(OSS, { ...LONG_TERM, securityToken: 'T', securityTokenExpiresAt: '2026-11-21T07:00:00Z' }, NOW);
    expect(limits).toMatchObject({ maxExpirySeconds: 0, cap: { kind: 'token-expired', tokenExpiresAt: '2026-11-21T07:00:00Z' } });
    expect(limits.capReason).toContain('expired at 2026-11-21 07:00 UTC');
  });

  it('says so when the token has no known expiry, and caps at seven days', () => {
    const limits = linkLimits(OSS, { ...LONG_TERM, securityToken: 'T' }, NOW);
    expect(limits).toMatchObject({ maxExpirySeconds: 604_800, cap: { kind: 'signature-max' } });
    expect(limits.capReason).toMatch(/expiry is unknown/);
  });

  it('gives V1 its own reason for the seven-day cap', () => {
    expect(linkLimits({ ...OSS, scheme: 'oss-v1' }, LONG_TERM, NOW).capReason).toMatch(/longest Dropsign offers/);
  });
});
