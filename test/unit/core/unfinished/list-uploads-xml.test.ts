/** Reading ListMultipartUploads answers as OSS and S3 write them (electron/core/unfinished/list-uploads-xml.ts). */
import { describe, expect, it } from 'vitest';
import { parseListUploadsPage } from '../../../../electron/core/unfinished/list-uploads-xml.js';

const page = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><ListMultipartUploadsResult><Bucket>b</Bucket>${inner}</ListMultipartUploadsResult>`;
const upload = (key: string, id: string, initiated = '2026-11-20T08:00:00.000Z'): string =>
  `<Upload><Key>${key}</Key><UploadId>${id}</UploadId><StorageClass>Standard</StorageClass><Initiated>${initiated}</Initiated></Upload>`;

describe('parseListUploadsPage', () => {
  it('reads the uploads and the next markers, decoding url-encoded keys (a space may come as +)', () => {
    const body = page(
      `<EncodingType>url</EncodingType><IsTruncated>true</IsTruncated><NextKeyMarker>a%2Bb%20c</NextKeyMarker><NextUploadIdMarker>0042</NextUploadIdMarker>` +
        upload('%E7%8C%AB+1%2B1.bin', '0001') +
        upload('a%2Bb%20c', '0042', '2026-11-21T09:30:00Z'),
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
    expect(parseListUploadsPage(page(`<IsTruncated>false</IsTruncated>${upload('k', '00123')}`))?.uploads).toEqual([
      { key: 'k', uploadId: '00123', initiatedAt: '2026-11-20T08:00:00.000Z' },
    ]);
    expect(parseListUploadsPage(page('<IsTruncated>false</IsTruncated><NextKeyMarker></NextKeyMarker>'))).toEqual({
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
      page(upload('k', '')),
      page(upload('k', 'id', 'yesterday')),
      page(`<EncodingType>url</EncodingType>${upload('%E0%A4', 'id')}`),
      'not xml <<<',
    ]) {
      expect(parseListUploadsPage(body)).toBeUndefined();
    }
  });
});
