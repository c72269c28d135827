import { describe, expect, it } from 'vitest';
import { filterIssuedLinks, linkStatus } from '../../../../../renderer/src/features/links/issued-link-filter.js';
import { issuedLink } from './fake-bridge.js';

const NOW = Date.parse('2026-11-21T08:30:00Z');

describe('linkStatus', () => {
  it('is active until the expiry and expired from that moment on', () => {
    const link = { expiresAt: '2026-11-21T08:30:00.000Z' };
    expect(linkStatus(link, NOW - 1)).toBe('active');
    expect(linkStatus(link, NOW)).toBe('expired');
  });
});

describe('filterIssuedLinks', () => {
  const links = [
    issuedLink('a', { expiresAt: '2026-11-21T09:00:00Z', key: 'Photos/cat.jpg' }),
    issuedLink('b', { expiresAt: '2026-11-21T08:00:00Z', profile: 'staging' }),
    issuedLink('c', { expiresAt: '2026-11-22T00:00:00Z', bucket: 'archive' }),
  ];
  const ids = (filter: 'active' | 'expired' | 'all', search = '') => filterIssuedLinks(links, filter, search, NOW).map((link) => link.id);

  it('shows active, expired or all links by the clock now', () => {
    expect(ids('active')).toStrictEqual(['a', 'c']);
    expect(ids('expired')).toStrictEqual(['b']);
    expect(ids('all')).toStrictEqual(['a', 'b', 'c']);
  });

  it('searches key, profile and bucket, ignoring case and surrounding spaces', () => {
    expect(ids('all', ' CAT.jpg ')).toStrictEqual(['a']);
    expect(ids('all', 'STAGING')).toStrictEqual(['b']);
    expect(ids('active', 'archive')).toStrictEqual(['c']);
    expect(ids('expired', 'archive')).toStrictEqual([]);
  });
});
