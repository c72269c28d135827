import { describe, expect, it } from 'vitest';
import type { HistoryEntryView } from '../../../../../electron/shared/ipc/transfer-requests.js';
import { fileNameOf, hostOf, linkStateOf } from '../../../../../renderer/src/features/history/history-entry.js';

function withLink(link: HistoryEntryView['result']['link']): HistoryEntryView {
  return { id: 't', path: '/a/b.txt', endpoint: 'http://127.0.0.1:47110', bucket: 'b', result: { key: 'b.txt', size: 1, etag: 'e', multipart: false, finishedAt: '2026-11-21T00:00:00Z', ...(link === undefined ? {} : { link }) } };
}

describe('history entries', () => {
  it('name the file by the last part of its path, on any system', () => {
    expect(fileNameOf('/home/me/docs/report.pdf')).toBe('report.pdf');
    expect(fileNameOf('C:\\Users\\me\\cat.png')).toBe('cat.png');
    expect(fileNameOf('photos/')).toBe('photos');
  });

  it('show the endpoint by its host and port', () => {
    expect(hostOf('https://oss-cn-hangzhou.aliyuncs.com')).toBe('oss-cn-hangzhou.aliyuncs.com');
    expect(hostOf('http://127.0.0.1:47110')).toBe('127.0.0.1:47110');
    expect(hostOf('not a url')).toBe('not a url');
  });

  it('tell a presigned link that still works from one that expired', () => {
    const link = { kind: 'presigned', url: 'u', expiresAt: '2026-11-21T01:00:00Z' } as const;
    expect(linkStateOf(withLink(link), Date.parse('2026-11-21T00:30:00Z'))).toStrictEqual({ ...link, expired: false });
    expect(linkStateOf(withLink(link), Date.parse('2026-11-21T01:00:00Z'))).toStrictEqual({ ...link, expired: true });
    expect(linkStateOf(withLink({ kind: 'public', url: 'p' }), 0)).toStrictEqual({ kind: 'public', url: 'p' });
    expect(linkStateOf(withLink(undefined), 0)).toStrictEqual({ kind: 'none' });
  });
});
