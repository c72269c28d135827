import { describe, expect, it } from 'vitest';
import { normalizeEtag, parseCompleteRequest } from '../../../../electron/core/local-bucket/complete-request.js';
import { OssError } from '../../../../electron/core/local-bucket/oss-errors.js';

const codeOf = (body: string): string => {
  try {
    parseCompleteRequest(body);
    return 'none';
  } catch (error) {
    return error instanceof OssError ? error.response.code : 'not-oss';
  }
};

describe('parseCompleteRequest', () => {
  it('reads parts in order, with quoted or bare ETags', () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>
      <CompleteMultipartUpload>
        <Part><PartNumber>1</PartNumber><ETag>"3349dc700140d7f86a0784842780a1b2"</ETag></Part>
        <Part><PartNumber>5</PartNumber><ETag>&quot;8EFDA8BE206636A695359836FE0A1B2C&quot;</ETag></Part>
        <Part><PartNumber>8</PartNumber><ETag>8C315065167132444177411FDA14ABCD</ETag></Part>
      </CompleteMultipartUpload>`;
    expect(parseCompleteRequest(body)).toEqual([
      { partNumber: 1, etag: '3349DC700140D7F86A0784842780A1B2' },
      { partNumber: 5, etag: '8EFDA8BE206636A695359836FE0A1B2C' },
      { partNumber: 8, etag: '8C315065167132444177411FDA14ABCD' },
    ]);
  });

  it('refuses parts out of order or repeated with InvalidPartOrder', () => {
    const part = (n: number): string => `<Part><PartNumber>${n}</PartNumber><ETag>"A"</ETag></Part>`;
    expect(codeOf(`<CompleteMultipartUpload>${part(5)}${part(1)}</CompleteMultipartUpload>`)).toBe('InvalidPartOrder');
    expect(codeOf(`<CompleteMultipartUpload>${part(2)}${part(2)}</CompleteMultipartUpload>`)).toBe('InvalidPartOrder');
  });

  it.each([
    ['empty body', ''],
    ['not XML', 'hello'],
    ['unclosed tags', '<CompleteMultipartUpload><Part>'],
    ['wrong root', '<Complete><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></Complete>'],
    ['no parts', '<CompleteMultipartUpload></CompleteMultipartUpload>'],
    ['missing ETag', '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>'],
    ['non-numeric part', '<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>'],
    ['a DTD with entities', '<!DOCTYPE x [<!ENTITY e "1">]><CompleteMultipartUpload><Part><PartNumber>&e;</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>'],
  ])('refuses %s with MalformedXML', (_name, body) => {
    expect(codeOf(body)).toBe('MalformedXML');
  });

  it('refuses part numbers outside 1..10000 with InvalidArgument', () => {
    const body = (n: number): string => `<CompleteMultipartUpload><Part><PartNumber>${n}</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>`;
    expect(codeOf(body(0))).toBe('InvalidArgument');
    expect(codeOf(body(10001))).toBe('InvalidArgument');
    expect(codeOf(body(10000))).toBe('none');
  });

  it('normalises ETags for comparison', () => {
    expect(normalizeEtag(' "abc-3" ')).toBe('ABC-3');
    expect(normalizeEtag('&quot;abc&quot;')).toBe('ABC');
  });
});
