import { describe, expect, it } from 'vitest';
import { contentTypeFor, FALLBACK_CONTENT_TYPE } from '../../../../electron/core/transfer/content-type.js';

describe('contentTypeFor', () => {
  it.each([
    ['cat.jpg', 'image/jpeg'],
    ['CAT.JPG', 'image/jpeg'],
    ['photos/trip/cat.png', 'image/png'],
    ['clip.mp4', 'video/mp4'],
    ['report.pdf', 'application/pdf'],
    ['data.json', 'application/json'],
    ['archive.tar.gz', 'application/gzip'],
    ['bundle.zip', 'application/zip'],
    ['drawing.svg', 'image/svg+xml'],
    ['page.html', 'text/html; charset=utf-8'],
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['table.csv', 'text/csv; charset=utf-8'],
    ['README.md', 'text/markdown; charset=utf-8'],
  ])('gives %s the type %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });

  it.each(['README', 'data.unknownext', 'trailing.', 'noext/'])('falls back to application/octet-stream for %j', (name) => {
    expect(contentTypeFor(name)).toBe(FALLBACK_CONTENT_TYPE);
  });

  it('adds a charset only to text types, and only when wanted', () => {
    expect(contentTypeFor('notes.txt', { textCharset: null })).toBe('text/plain');
    expect(contentTypeFor('notes.txt', { textCharset: 'gb18030' })).toBe('text/plain; charset=gb18030');
    expect(contentTypeFor('cat.jpg', { textCharset: 'utf-8' })).toBe('image/jpeg');
  });

  it('is deterministic: the same name always gives the same bytes', () => {
    const names = ['a.txt', 'b.JPG', 'c', 'd.tar.gz'];
    expect(names.map((name) => contentTypeFor(name))).toEqual(names.map((name) => contentTypeFor(name)));
  });
});
