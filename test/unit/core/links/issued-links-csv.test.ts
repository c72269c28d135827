/**
 * The CSV export of issued links: a byte-order mark, a title row, CRLF records, quoting where needed,
 * each link's status at export time, the required headers in one cell, and no formula a spreadsheet runs.
 */
import { describe, expect, it } from 'vitest';
import { csvFileName, headersCell, issuedLinksCsv, linkStatus } from '../../../../electron/core/links/issued-links-csv.js';
import type { IssuedLinkView } from '../../../../electron/shared/ipc/link-types.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const LINK: IssuedLinkView = {
  id: 'id-1',
  issuedAt: '2026-11-21T07:00:00.000Z',
  url: 'https://photos.oss-cn-hangzhou.aliyuncs.com/a%2C%20b.png?x-oss-signature=abc&x-oss-date=1',
  method: 'PUT',
  headers: { 'content-type': 'image/png', 'x-oss-meta-who': 'me, "you"' },
  expiresAt: '2026-11-21T09:00:00Z',
  signedAt: '2026-11-21T07:00:00Z',
  profile: 'prod',
  bucket: 'photos',
  key: 'a, b.png',
};

describe('issuedLinksCsv', () => {
  it('writes a BOM, the titles and one CRLF record per link with its status now', () => {
    const expired: IssuedLinkView = { ...LINK, id: 'id-2', method: 'GET', headers: {}, key: '照片/猫.jpg', expiresAt: '2026-11-21T07:30:00Z' };
    const { csv, fileName } = issuedLinksCsv([LINK, expired], NOW);
    expect(fileName).toBe('dropsign-links-2026-11-21.csv');
    expect(csv.startsWith('\ufeffIssued at,Method,Profile,Bucket,Key,Expires at,Status,URL,Required headers\r\n')).toBe(true);
    const records = csv.slice(1).split('\r\n');
    expect(records[1]).toBe(`2026-11-21T07:00:00.000Z,PUT,prod,photos,"a, b.png",2026-11-21T09:00:00Z,active,${LINK.url},"content-type: image/png; x-oss-meta-who: me, ""you"""`);
    expect(records[2]).toBe(`2026-11-21T07:00:00.000Z,GET,prod,photos,照片/猫.jpg,2026-11-21T07:30:00Z,expired,${LINK.url},`);
    expect(records[3]).toBe('');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const { csv } = issuedLinksCsv([{ ...LINK, key: '=HYPERLINK("http://evil")', profile: '@sum' }], NOW);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(",'@sum,");
  });

  it('helpers: status, headers cell, file name', () => {
    expect(linkStatus({ expiresAt: '2026-11-21T08:00:00Z' }, NOW)).toBe('expired');
    expect(linkStatus({ expiresAt: '2026-11-21T08:00:01Z' }, NOW)).toBe('active');
    expect(headersCell({})).toBe('');
    expect(csvFileName(Date.parse('2027-01-02T23:59:59Z'))).toBe('dropsign-links-2027-01-02.csv');
  });
});
