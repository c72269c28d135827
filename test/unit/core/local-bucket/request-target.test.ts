import { describe, expect, it } from 'vitest';
import type { OssError } from '../../../../electron/core/local-bucket/oss-errors.js';
import { bucketFromHost, parseQuery, parseRequestTarget } from '../../../../electron/core/local-bucket/request-target.js';

const domains = ['localhost'];

describe('parseRequestTarget', () => {
  it('reads path-style bucket and key without normalising the path', () => {
    expect(parseRequestTarget('/photos/a/../b//c%2Fd', '127.0.0.1:9000', domains)).toMatchObject({
      style: 'path',
      bucket: 'photos',
      key: 'a/../b//c/d',
      rawPath: '/photos/a/../b//c%2Fd',
    });
  });

  it('reads bucket-level and service-level requests', () => {
    expect(parseRequestTarget('/photos', '127.0.0.1', domains)).toMatchObject({ bucket: 'photos' });
    expect(parseRequestTarget('/photos/', '127.0.0.1', domains).key).toBeUndefined();
    expect(parseRequestTarget('/', '127.0.0.1', domains).bucket).toBeUndefined();
  });

  it('reads virtual-hosted requests from the Host header', () => {
    expect(parseRequestTarget('/a%20b.txt?x=1', 'photos.localhost:9000', domains)).toMatchObject({
      style: 'virtual-hosted',
      bucket: 'photos',
      key: 'a b.txt',
      rawQuery: 'x=1',
    });
    expect(parseRequestTarget('/', 'Photos.LOCALHOST', domains)).toMatchObject({ bucket: 'photos' });
    expect(bucketFromHost('localhost:9000', domains)).toBeUndefined();
    expect(bucketFromHost('[::1]:9000', domains)).toBeUndefined();
  });

  it('accepts the absolute form of a request target', () => {
    expect(parseRequestTarget('http://127.0.0.1:9/photos/k?uploads', 'x', domains)).toMatchObject({ bucket: 'photos', key: 'k' });
  });

  it.each([
    ['/photos/%zz', 'InvalidURI'],
    ['/photos/%FF', 'InvalidObjectName'],
    ['*', 'InvalidURI'],
    ['/photos/k?x=%', 'InvalidURI'],
  ])('refuses %s with %s', (url, code) => {
    try {
      parseRequestTarget(url, '127.0.0.1', domains);
      expect.unreachable();
    } catch (error) {
      expect((error as OssError).response.code).toBe(code);
    }
  });
});

describe('parseQuery', () => {
  it('keeps order, bare names and empty values apart, and + as +', () => {
    expect(parseQuery('uploadId=A%2BB&uploads&partNumber=&x=a+b')).toEqual([
      { name: 'uploadId', value: 'A+B' },
      { name: 'uploads' },
      { name: 'partNumber', value: '' },
      { name: 'x', value: 'a+b' },
    ]);
  });
});
