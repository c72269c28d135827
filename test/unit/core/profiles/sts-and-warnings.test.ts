import { describe, expect, it } from 'vitest';
import { clockWarning, mainlandChinaWarning, tokenWarning } from '../../../../electron/core/profiles/profile-warnings.js';
import { describeTokenLife, linkOutlivesToken, tokenLife } from '../../../../electron/core/profiles/sts-expiry.js';
import { MINIO, PROD } from './profile-fixtures.js';

const NOW = Date.parse('2025-01-02T03:00:00Z');

describe('linkOutlivesToken', () => {
  it('warns when the link expires after the token, naming both times and the gap', () => {
    expect(linkOutlivesToken('2025-01-02T05:00:00Z', '2025-01-02T04:00:00Z')).toBe(
      'This link is set to expire at 2025-01-02 05:00 UTC, but it is signed with temporary (STS) credentials that expire at ' +
        '2025-01-02 04:00 UTC, 60 minutes earlier: the link stops working when the token does.',
    );
  });

  it('says nothing when the token outlives the link, or has no known expiry', () => {
    expect(linkOutlivesToken('2025-01-02T03:30:00Z', '2025-01-02T04:00:00Z')).toBeUndefined();
    expect(linkOutlivesToken('2025-01-02T04:00:00Z', '2025-01-02T04:00:00Z')).toBeUndefined();
    expect(linkOutlivesToken('2025-01-02T05:00:00Z', undefined)).toBeUndefined();
  });

  it('accepts milliseconds as well as ISO text', () => {
    expect(linkOutlivesToken(NOW + 7_200_000, NOW + 3_600_000)).toContain('60 minutes earlier');
  });
});

describe('token life', () => {
  it.each([
    [undefined, undefined, 'none (long-term AccessKey)'],
    ['tok', undefined, 'present, expiry unknown (links may stop working early)'],
    ['tok', '2025-01-02T03:42:00Z', 'expires 2025-01-02 03:42 UTC (in 42 minutes)'],
    ['tok', '2025-01-02T01:00:00Z', 'EXPIRED at 2025-01-02 01:00 UTC (2 hours ago)'],
  ])('token %s expiring %s → %s', (token, expiresAt, text) => {
    expect(describeTokenLife(tokenLife(token, expiresAt, NOW))).toBe(text);
  });
});

describe('profile warnings', () => {
  it('warns about mainland-China buckets on the default domain, not elsewhere', () => {
    expect(mainlandChinaWarning(PROD)?.hint).toContain('dropsign profile add prod --replace --custom-domain');
    expect(mainlandChinaWarning({ ...PROD, customDomain: 'https://files.example.com' })).toBeUndefined();
    expect(mainlandChinaWarning({ ...PROD, region: 'cn-hongkong' })).toBeUndefined();
    expect(mainlandChinaWarning({ ...PROD, region: 'eu-central-1' })).toBeUndefined();
    expect(mainlandChinaWarning({ ...PROD, endpoint: { kind: 'custom', url: 'https://oss.corp.example' } })).toBeUndefined();
    expect(mainlandChinaWarning({ ...PROD, endpoint: { kind: 'internal' } })).toBeDefined();
    expect(mainlandChinaWarning(MINIO)).toBeUndefined();
  });

  it('warns about expired or expiry-less tokens', () => {
    const base = { accessKeyId: 'id', accessKeySecret: 's' };
    expect(tokenWarning(PROD, base, NOW)).toBeUndefined();
    expect(tokenWarning(PROD, { ...base, securityToken: 't' }, NOW)?.code).toBe('token-expiry-unknown');
    expect(tokenWarning(PROD, { ...base, securityToken: 't', securityTokenExpiresAt: '2025-01-02T02:00:00Z' }, NOW)?.message).toContain('60 minutes ago');
    expect(tokenWarning(PROD, { ...base, securityToken: 't', securityTokenExpiresAt: '2025-01-02T04:00:00Z' }, NOW)).toBeUndefined();
  });

  it('warns about a clock a minute or more off, in the right direction', () => {
    expect(clockWarning(30_000)).toBeUndefined();
    expect(clockWarning(5 * 60_000)?.message).toContain('5 minutes behind');
    expect(clockWarning(5 * 60_000)?.message).toContain('expire that much earlier');
    expect(clockWarning(-5 * 60_000)?.message).toContain('5 minutes ahead of');
  });
});
