/** ListMultipartUploads' parameters and pages (electron/core/local-bucket/list-uploads.ts). */
import { describe, expect, it } from 'vitest';
import { listUploadsPage, parseListUploadsRequest, type ListUploadsRequest, type UploadEntry } from '../../../../electron/core/local-bucket/list-uploads.js';
import { OssError } from '../../../../electron/core/local-bucket/oss-errors.js';

const q = (pairs: Record<string, string | undefined>) => Object.entries(pairs).map(([name, value]) => (value === undefined ? { name } : { name, value }));

const request = (overrides: Partial<ListUploadsRequest> = {}): ListUploadsRequest => ({
  prefix: '',
  delimiter: '',
  keyMarker: '',
  uploadIdMarker: '',
  maxUploads: 1000,
  encodeUrl: false,
  ...overrides,
});

const upload = (key: string, uploadId: string): UploadEntry => ({ key, uploadId, initiated: 0 });

// Out of order on purpose; two uploads of b.txt; keys that sort differently as UTF-8 and as UTF-16.
const ENTRIES: readonly UploadEntry[] = [
  upload('photos/2024/b.jpg', 'C1'),
  upload('b.txt', 'B2'),
  upload('a.txt', 'A1'),
  upload('b.txt', 'B1'),
  upload('photos/2023/a.jpg', 'D1'),
  upload('\u{1F600}.txt', 'E1'),
  upload('\uFF21.txt', 'F1'),
];

describe('parseListUploadsRequest', () => {
  it('defaults to every upload, 1000 a page', () => {
    expect(parseListUploadsRequest(q({ uploads: undefined }))).toEqual(request());
  });

  it('reads prefix, delimiter, markers, max-uploads and encoding-type', () => {
    const parsed = parseListUploadsRequest(q({ prefix: 'p/', delimiter: '/', 'key-marker': 'p/a', 'upload-id-marker': 'X', 'max-uploads': '7', 'encoding-type': 'url' }));
    expect(parsed).toEqual(request({ prefix: 'p/', delimiter: '/', keyMarker: 'p/a', uploadIdMarker: 'X', maxUploads: 7, encodeUrl: true }));
  });

  it('ignores an upload-id-marker without a key-marker, as OSS and S3 do', () => {
    expect(parseListUploadsRequest(q({ 'upload-id-marker': 'X' })).uploadIdMarker).toBe('');
  });

  it('refuses a max-uploads outside 1..1000 and an unknown encoding with InvalidArgument', () => {
    for (const bad of [q({ 'max-uploads': '0' }), q({ 'max-uploads': '1001' }), q({ 'max-uploads': '-1' }), q({ 'max-uploads': '1e3' }), q({ 'encoding-type': 'base64' })]) {
      let caught: unknown;
      try {
        parseListUploadsRequest(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(OssError);
      expect((caught as OssError).response.code).toBe('InvalidArgument');
    }
  });
});

describe('listUploadsPage', () => {
  it('sorts by the keys\' UTF-8 bytes, then by upload id', () => {
    const page = listUploadsPage(ENTRIES, request());
    expect(page.uploads.map((u) => `${u.key}#${u.uploadId}`)).toEqual([
      'a.txt#A1',
      'b.txt#B1',
      'b.txt#B2',
      'photos/2023/a.jpg#D1',
      'photos/2024/b.jpg#C1',
      '\uFF21.txt#F1',
      '\u{1F600}.txt#E1',
    ]);
    expect(page.isTruncated).toBe(false);
    expect(page.next).toBeUndefined();
  });

  it('keeps to the prefix and rolls keys up at the delimiter, each prefix counting once', () => {
    const page = listUploadsPage(ENTRIES, request({ delimiter: '/' }));
    expect(page.commonPrefixes).toEqual(['photos/']);
    expect(page.uploads.map((u) => u.key)).not.toContain('photos/2023/a.jpg');
    const nested = listUploadsPage(ENTRIES, request({ prefix: 'photos/', delimiter: '/' }));
    expect(nested).toEqual({ uploads: [], commonPrefixes: ['photos/2023/', 'photos/2024/'], isTruncated: false });
  });

  it('starts after the key marker, or within its key after the upload-id marker', () => {
    expect(listUploadsPage(ENTRIES, request({ keyMarker: 'b.txt' })).uploads[0]?.key).toBe('photos/2023/a.jpg');
    expect(listUploadsPage(ENTRIES, request({ keyMarker: 'b.txt', uploadIdMarker: 'B1' })).uploads[0]).toEqual(upload('b.txt', 'B2'));
    expect(listUploadsPage(ENTRIES, request({ keyMarker: 'photos/', delimiter: '/' })).commonPrefixes).toEqual([]);
  });

  it('pages through everything exactly once, whatever the page size', () => {
    for (const delimiter of ['', '/']) {
      const whole = listUploadsPage(ENTRIES, request({ delimiter }));
      for (let size = 1; size <= ENTRIES.length + 1; size++) {
        const uploads: string[] = [];
        const prefixes: string[] = [];
        let markers = { keyMarker: '', uploadIdMarker: '' };
        for (let guard = 0; guard < 20; guard++) {
          const page = listUploadsPage(ENTRIES, request({ delimiter, maxUploads: size, ...markers }));
          expect(page.uploads.length + page.commonPrefixes.length).toBeLessThanOrEqual(size);
          uploads.push(...page.uploads.map((u) => u.uploadId));
          prefixes.push(...page.commonPrefixes);
          if (!page.isTruncated) break;
          expect(page.next).toBeDefined();
          markers = page.next ?? markers;
        }
        expect(uploads).toEqual(whole.uploads.map((u) => u.uploadId));
        expect(prefixes).toEqual(whole.commonPrefixes);
      }
    }
  });

  it('is empty, not truncated, when nothing is in progress', () => {
    expect(listUploadsPage([], request({ maxUploads: 1 }))).toEqual({ uploads: [], commonPrefixes: [], isTruncated: false });
  });
});
