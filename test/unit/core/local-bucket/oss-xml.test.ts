import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { listBucketResultXml } from '../../../../electron/core/local-bucket/list-xml.js';
import { parseListRequest } from '../../../../electron/core/local-bucket/list-objects.js';
import { encodeXmlKey, errorXml, listPartsXml } from '../../../../electron/core/local-bucket/oss-xml.js';

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['Contents', 'CommonPrefixes', 'Part'].includes(name) });

describe('OSS XML bodies', () => {
  it('writes <Error> with Code, Message, RequestId, HostId, extras and EC, escaping text', () => {
    const xml = errorXml(
      { status: 403, code: 'SignatureDoesNotMatch', message: 'a < b & "c"', details: { StringToSign: 'PUT\n<x>' }, ec: '0002-00000040' },
      'REQ',
      'photos.localhost:9000',
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>a &lt; b &amp; "c"</Message><RequestId>REQ</RequestId><HostId>photos.localhost:9000</HostId><StringToSign>PUT\n&lt;x&gt;</StringToSign><EC>0002-00000040</EC></Error>')).toBe(true);
  });

  it('keeps quotes raw in ETags, as OSS sends them', () => {
    const xml = listPartsXml({
      bucket: 'b', key: 'k', uploadId: 'U', partNumberMarker: 0, nextPartNumberMarker: 1, maxParts: 1000, isTruncated: false, encodeUrl: false,
      parts: [{ partNumber: 1, lastModified: 0, etag: '"ABC"', crc64: '1', size: 3 }],
    });
    expect(xml).toContain('<ETag>"ABC"</ETag>');
    expect(xml).toContain('<HashCrc64ecma>1</HashCrc64ecma>');
  });

  it('writes no <Part> for an upload without parts', () => {
    const xml = listPartsXml({ bucket: 'b', key: 'k', uploadId: 'U', partNumberMarker: 0, nextPartNumberMarker: 0, maxParts: 1000, isTruncated: false, encodeUrl: false, parts: [] });
    expect(xml).not.toContain('<Part>');
  });

  it('writes ListObjectsV2 with url-encoded keys and prefixes', () => {
    const request = parseListRequest([{ name: 'list-type', value: '2' }, { name: 'encoding-type', value: 'url' }, { name: 'delimiter', value: '/' }]);
    const xml = listBucketResultXml('photos', request, {
      contents: [{ key: 'a b\u0000', size: 1, etag: '"E"', lastModified: 0, type: 'Normal' }],
      commonPrefixes: ['猫/'],
      isTruncated: true,
      next: '猫/',
    });
    const result = (parser.parse(xml) as { ListBucketResult: Record<string, unknown> }).ListBucketResult;
    expect(result).toMatchObject({
      Name: 'photos',
      EncodingType: 'url',
      Delimiter: '%2F',
      KeyCount: '2',
      IsTruncated: 'true',
      Contents: [{ Key: 'a%20b%00', Size: '1', ETag: '"E"', StorageClass: 'Standard' }],
      CommonPrefixes: [{ Prefix: '%E7%8C%AB%2F' }],
    });
    expect(result['Contents']).not.toHaveProperty('0.Owner');
    expect(typeof result['NextContinuationToken']).toBe('string');
  });

  it('encodes for encoding-type=url so decodeURIComponent restores the key', () => {
    for (const key of ["a b/c+d?e#f&g'h(i)*!", '\u0000\u0001\u{1F600}']) expect(decodeURIComponent(encodeXmlKey(key))).toBe(key);
  });
});
