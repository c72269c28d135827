/**
 * The drop page of an issued link: made for an upload link still valid, refused with what to do for a
 * download link and for an expired one.
 */
import { describe, expect, it } from 'vitest';
import { dropPageForLink } from '../../../../../electron/core/links/drop-page/drop-page-for-link.js';
import type { IssuedLinkView } from '../../../../../electron/shared/ipc/link-types.js';

const NOW = Date.parse('2026-11-21T08:30:00Z');

function issued(fields: Partial<IssuedLinkView> = {}): IssuedLinkView {
  return {
    id: 'l1',
    issuedAt: '2026-11-21T08:00:00.000Z',
    url: 'http://127.0.0.1:47110/dropsign/inbox/scan.pdf?x-oss-signature=abc',
    method: 'PUT',
    headers: {},
    expiresAt: '2026-11-21T09:00:00.000Z',
    signedAt: '2026-11-21T08:00:00.000Z',
    profile: 'local',
    bucket: 'dropsign',
    key: 'inbox/scan.pdf',
    ...fields,
  };
}

describe('dropPageForLink', () => {
  it('makes the page of an upload link still valid, named after the key', () => {
    const page = dropPageForLink(issued(), 'zh-CN', NOW);
    expect(page.fileName).toBe('dropsign-upload-scan.pdf.html');
    expect(page.html).toContain('<html lang="zh-CN">');
    expect(page.html).toContain('connect-src http://127.0.0.1:47110;');
  });

  it('refuses a download link, saying to make an upload link', () => {
    expect(() => dropPageForLink(issued({ method: 'GET' }), 'en', NOW)).toThrow(
      expect.objectContaining({ code: 'invalid-argument', message: 'The link to inbox/scan.pdf is a download link; a drop page is for upload links.', hint: expect.stringContaining('upload (PUT) link') }),
    );
  });

  it('refuses a link that has expired, at the very instant too', () => {
    for (const expiresAt of ['2026-11-21T08:00:00.000Z', '2026-11-21T08:30:00.000Z']) {
      expect(() => dropPageForLink(issued({ expiresAt }), 'en', NOW)).toThrow(expect.objectContaining({ code: 'url-expired', hint: 'Make a new upload link, then save its drop page.' }));
    }
  });
});
