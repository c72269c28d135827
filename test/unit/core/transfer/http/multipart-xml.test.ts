import { describe, expect, it } from 'vitest';
import {
  buildCompleteXml,
  parseCompleteResult,
  parseInitiateResult,
  parseListPartsPage,
  parseListUploadsPage,
  unquoteEtag,
} from '../../../../../electron/core/transfer/http/multipart-xml.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

describe('parseInitiateResult', () => {
  it('reads the UploadId, keeping it text (an id of digits is not a number)', () => {
    const body = `${DECL}<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>a &amp; b.txt</Key><UploadId>0004B9894A22E5B1888A1E29F823****</UploadId></InitiateMultipartUploadResult>`;
    expect(parseInitiateResult(body)).toBe('0004B9894A22E5B1888A1E29F823****');
    expect(parseInitiateResult('<InitiateMultipartUploadResult><UploadId>000123</UploadId></InitiateMultipartUploadResult>')).toBe('000123');
  });

  it('is undefined for an empty id, another document, an error or garbage', () => {
    expect(parseInitiateResult('<InitiateMultipartUploadResult><UploadId></UploadId></InitiateMultipartUploadResult>')).toBeUndefined();
    expect(parseInitiateResult('<Error><Code>AccessDenied</Code></Error>')).toBeUndefined();
    expect(parseInitiateResult('<html><body>proxy</body></html>')).toBeUndefined();
    expect(parseInitiateResult('')).toBeUndefined();
    expect(parseInitiateResult('<<<')).toBeUndefined();
  });
});

describe('parseListPartsPage', () => {
  const part = (n: number, size: number): string =>
    `<Part><PartNumber>${n}</PartNumber><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>"E${n}"</ETag><HashCrc64ecma>1</HashCrc64ecma><Size>${size}</Size></Part>`;

  it('reads parts (ETags unquoted), IsTruncated and NextPartNumberMarker', () => {
    const body = `${DECL}<ListPartsResult><Bucket>b</Bucket><Key>k</Key><UploadId>u</UploadId><PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>2</NextPartNumberMarker><MaxParts>2</MaxParts><IsTruncated>true</IsTruncated>${part(1, 100)}${part(2, 50)}</ListPartsResult>`;
    expect(parseListPartsPage(body)).toEqual({
      parts: [
        { partNumber: 1, etag: 'E1', size: 100 },
        { partNumber: 2, etag: 'E2', size: 50 },
      ],
      isTruncated: true,
      nextMarker: 2,
    });
  });

  it('reads a single part as a list, and a page with no parts', () => {
    expect(parseListPartsPage(`<ListPartsResult><IsTruncated>false</IsTruncated>${part(7, 1)}</ListPartsResult>`)?.parts).toEqual([
      { partNumber: 7, etag: 'E7', size: 1 },
    ]);
    expect(parseListPartsPage('<ListPartsResult><IsTruncated>false</IsTruncated></ListPartsResult>')).toEqual({
      parts: [],
      isTruncated: false,
      nextMarker: undefined,
    });
  });

  it('is undefined for another document or a malformed part', () => {
    expect(parseListPartsPage('<Error><Code>NoSuchUpload</Code></Error>')).toBeUndefined();
    expect(parseListPartsPage('<ListPartsResult><Part><PartNumber>x</PartNumber><ETag>"a"</ETag><Size>1</Size></Part></ListPartsResult>')).toBeUndefined();
    expect(parseListPartsPage('<ListPartsResult><Part><PartNumber>1</PartNumber><Size>1</Size></Part></ListPartsResult>')).toBeUndefined();
  });
});

describe('parseCompleteResult', () => {
  it('reads the ETag unquoted (raw quotes or &quot;)', () => {
    const body = (etag: string): string =>
      `${DECL}<CompleteMultipartUploadResult><Location>http://x/b/k</Location><Bucket>b</Bucket><Key>k</Key><ETag>${etag}</ETag></CompleteMultipartUploadResult>`;
    expect(parseCompleteResult(body('"ABC-3"'))).toEqual({ etag: 'ABC-3' });
    expect(parseCompleteResult(body('&quot;ABC-3&quot;'))).toEqual({ etag: 'ABC-3' });
    expect(parseCompleteResult('<CompleteMultipartUploadResult><Bucket>b</Bucket></CompleteMultipartUploadResult>')).toEqual({ etag: undefined });
    expect(parseCompleteResult('<CompleteMultipartUploadResult></CompleteMultipartUploadResult>')).toBeUndefined();
    expect(parseCompleteResult('<Error><Code>InternalError</Code></Error>')).toBeUndefined();
  });
});

describe('buildCompleteXml', () => {
  it('lists parts in ascending order with quoted ETags, escaping XML specials', () => {
    const xml = buildCompleteXml([
      { partNumber: 3, etag: 'C' },
      { partNumber: 1, etag: '"A"' },
      { partNumber: 2, etag: 'B&<>' },
    ]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload>' +
        '<Part><PartNumber>1</PartNumber><ETag>"A"</ETag></Part>' +
        '<Part><PartNumber>2</PartNumber><ETag>"B&amp;&lt;&gt;"</ETag></Part>' +
        '<Part><PartNumber>3</PartNumber><ETag>"C"</ETag></Part>' +
        '</CompleteMultipartUpload>',
    );
  });
});

describe('unquoteEtag', () => {
  it('removes one pair of surrounding quotes and whitespace only', () => {
    expect(unquoteEtag('"ABC"')).toBe('ABC');
    expect(unquoteEtag(' "ABC" ')).toBe('ABC');
    expect(unquoteEtag('ABC')).toBe('ABC');
    expect(unquoteEtag('W/"ABC"')).toBe('W/"ABC"');
    expect(unquoteEtag('"')).toBe('"');
  });
});

const uploadsPage = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>b</Bucket>${inner}</ListMultipartUploadsResult>`;
const listedUpload = (key: string, id: string, initiated = '2026-11-20T08:00:00.000Z'): string =>
  `<Upload><Key>${key}</Key><UploadId>${id}</UploadId><StorageClass>Standard</StorageClass><Initiated>${initiated}</Initiated></Upload>`;

describe('parseListUploadsPage', () => {
  it('reads the uploads and the next markers, decoding url-encoded keys (a space may come as +)', () => {
    const body = uploadsPage(
      `<EncodingType>url</EncodingType><IsTruncated>true</IsTruncated><NextKeyMarker>a%2Bb%20c</NextKeyMarker><NextUploadIdMarker>0042</NextUploadIdMarker>` +
        listedUpload('%E7%8C%AB+1%2B1.bin', '0001') +
        listedUpload('a%2Bb%20c', '0042', '2026-11-21T09:30:00Z'),
    );
    expect(parseListUploadsPage(body)).toEqual({
      uploads: [
        { key: '猫 1+1.bin', uploadId: '0001', initiatedAt: '2026-11-20T08:00:00.000Z' },
        { key: 'a+b c', uploadId: '0042', initiatedAt: '2026-11-21T09:30:00.000Z' },
      ],
      isTruncated: true,
      nextKeyMarker: 'a+b c',
      nextUploadIdMarker: '0042',
    });
  });

  it('reads one upload as a list, and an empty answer as none', () => {
    expect(parseListUploadsPage(uploadsPage(`<IsTruncated>false</IsTruncated>${listedUpload('k', '00123')}`))?.uploads).toEqual([
      { key: 'k', uploadId: '00123', initiatedAt: '2026-11-20T08:00:00.000Z' },
    ]);
    expect(parseListUploadsPage(uploadsPage('<IsTruncated>false</IsTruncated><NextKeyMarker></NextKeyMarker>'))).toEqual({
      uploads: [],
      isTruncated: false,
      nextKeyMarker: '',
      nextUploadIdMarker: '',
    });
  });

  it('refuses what is not a usable listing: another document, an upload without id or date, a bad encoding', () => {
    for (const body of [
      '<html>proxy login</html>',
      '<Error><Code>AccessDenied</Code></Error>',
      uploadsPage(listedUpload('k', '')),
      uploadsPage(listedUpload('k', 'id', 'yesterday')),
      uploadsPage(`<EncodingType>url</EncodingType>${listedUpload('%E0%A4', 'id')}`),
      'not xml <<<',
    ]) {
      expect(parseListUploadsPage(body)).toBeUndefined();
    }
  });
});
