import { describe, expect, it } from 'vitest';

import {
  ossV1CanonicalizedResource,
  ossV1Signature,
  ossV1StringToSign,
  presignOssV1,
} from '../../../../electron/core/signing/oss-v1.js';
import type { Credentials, PresignRequest } from '../../../../electron/shared/signing.js';
import { queryValue, urlParts } from './arbitraries.js';

/**
 * Vectors from the official SDK unit tests: aliyun/alibabacloud-oss-go-sdk-v2 oss/signer/signer_test.go
 * (TestV1AuthHeader, TestV1AuthQuery) and aliyun/alibabacloud-oss-python-sdk-v2 tests/unit/signer/test_v1.py
 * (same, plus test_auth_query_param_with_token). Credentials ak/sk.
 */
const AK_SK: Credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const DATE = 'Wed, 28 Dec 2022 10:27:41 GMT';

describe('oss-v1 string to sign: official SDK Authorization-header vectors', () => {
  const put = {
    method: 'PUT',
    contentMd5: 'eB5eJF1ptWaXm4bijSPyxw==',
    contentType: 'text/html',
    expiresOrDate: DATE,
    ossHeaders: { 'x-oss-meta-magic': 'abracadabra', 'x-oss-date': DATE, 'x-oss-meta-author': 'alice' },
    bucket: 'examplebucket',
    key: 'nelson',
  };

  it('reproduces TestV1AuthHeader case 1', () => {
    const stringToSign = ossV1StringToSign({ ...put, query: [] });
    expect(stringToSign).toBe(
      `PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\n${DATE}\nx-oss-date:${DATE}\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson`,
    );
    expect(ossV1Signature('sk', stringToSign)).toBe('kSHKmLxlyEAKtZPkJhG9bZb5k7M=');
  });

  it('reproduces TestV1AuthHeader case 2 (the acl sub-resource)', () => {
    const stringToSign = ossV1StringToSign({ ...put, query: [{ name: 'acl' }] });
    expect(stringToSign.endsWith('/examplebucket/nelson?acl')).toBe(true);
    expect(ossV1Signature('sk', stringToSign)).toBe('/afkugFbmWDQ967j1vr6zygBLQk=');
  });

  it('reproduces TestV1AuthHeader cases 3 and 4 (bucket-level, unsigned parameters left out)', () => {
    const get = { method: 'GET', contentMd5: '', contentType: '', expiresOrDate: DATE, ossHeaders: { 'x-oss-date': DATE }, bucket: 'examplebucket' };
    const case3 = ossV1StringToSign({ ...get, query: [{ name: 'resourceGroup' }, { name: 'non-resousce', value: 'null' }] });
    expect(case3).toBe(`GET\n\n\n${DATE}\nx-oss-date:${DATE}\n/examplebucket/?resourceGroup`);
    expect(ossV1Signature('sk', case3)).toBe('vkQmfuUDyi1uDi3bKt67oemssIs=');
    const case4 = ossV1StringToSign({ ...get, query: [{ name: 'resourceGroup' }, { name: 'acl' }] });
    expect(case4.endsWith('/examplebucket/?acl&resourceGroup')).toBe(true);
    expect(ossV1Signature('sk', case4)).toBe('x3E5TgOvl/i7PN618s5mEvpJDYk=');
  });
});

describe('oss-v1 presign: official SDK query vectors', () => {
  const request: PresignRequest = {
    scheme: 'oss-v1',
    method: 'GET',
    endpoint: 'http://oss-cn-hangzhou.aliyuncs.com',
    style: 'virtual-hosted',
    bucket: 'bucket',
    key: 'key',
    expiresInSeconds: 900,
    query: [{ name: 'versionId', value: 'versionId' }],
  };
  /** Signing time such that Expires is `expires` with the 900-second validity above. */
  const signedFor = (expires: number): number => (expires - 900) * 1000;

  it('reproduces TestV1AuthQuery case 1 (Go)', () => {
    const { url } = presignOssV1(AK_SK, request, signedFor(1_699_807_420));
    expect(urlParts(url)).toEqual(
      urlParts('http://bucket.oss-cn-hangzhou.aliyuncs.com/key?Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId'),
    );
    expect(url).toContain('Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D');
  });

  it('signs the STS token as the security-token sub-resource (TestV1AuthQuery case 2)', () => {
    const { url } = presignOssV1({ ...AK_SK, securityToken: 'token' }, { ...request, key: 'key+123' }, signedFor(1_699_808_204));
    expect(url.startsWith('http://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?')).toBe(true);
    expect(urlParts(url)).toEqual(
      urlParts(
        'http://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?Expires=1699808204&OSSAccessKeyId=ak&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId',
      ),
    );
  });

  it('signs Content-Type, x-oss-* headers and response-* sub-resources (Python test_auth_query_param_with_token)', () => {
    // That test appends "?" + its parameters to a URL that already has "?versionId=versionId", so the SDK
    // parses versionId as "versionId?param1=value1" and param1 disappears; the vector signs exactly that.
    const { url } = presignOssV1(
      { ...AK_SK, securityToken: 'token' },
      {
        ...request,
        headers: { 'x-oss-head1': 'value', 'content-type': 'application/octet-stream' },
        query: [
          { name: 'versionId', value: 'versionId?param1=value1' },
          { name: '+param1', value: 'value3' },
          { name: '|param1', value: 'value4' },
          { name: '+param2' },
          { name: '|param2' },
          { name: 'param2' },
          { name: 'response-content-disposition', value: 'attachment; filename=example.txt' },
        ],
      },
      signedFor(1_699_808_204),
    );
    expect(url).toContain('response-content-disposition=attachment%3B%20filename%3Dexample.txt');
    expect(url).toContain('Signature=3GJoEOv5LX2ASp0HJk%2FhAk%2BqLJc%3D');
  });
});

describe('oss-v1 canonicalized resource', () => {
  it('keeps the raw key (not percent-encoded) and the bucket', () => {
    expect(ossV1CanonicalizedResource('b', 'a b+ü?.txt', [])).toBe('/b/a b+ü?.txt');
  });

  it('signs sub-resources and x-oss-* parameters only, sorted, bare when empty, values raw', () => {
    const resource = ossV1CanonicalizedResource('b', 'k', [
      { name: 'x-oss-process', value: 'image/resize,w_100' },
      { name: 'uploads', value: '' },
      { name: 'foo', value: 'bar' },
      { name: 'response-content-type', value: 'text/plain; charset=utf-8' },
      { name: 'OSSAccessKeyId', value: 'ak' },
    ]);
    expect(resource).toBe('/b/k?response-content-type=text/plain; charset=utf-8&uploads&x-oss-process=image/resize,w_100');
  });
});

describe('oss-v1 presign', () => {
  const request: PresignRequest = {
    scheme: 'oss-v1',
    method: 'PUT',
    endpoint: 'https://static.example.com',
    style: 'cname',
    bucket: 'my-bucket',
    key: 'a+b c.txt',
    expiresInSeconds: 60,
  };
  const at = Date.UTC(2024, 5, 1, 12, 0, 0);

  it('includes the bucket in the resource for cname URLs', () => {
    const { url } = presignOssV1(AK_SK, request, at);
    const expires = String(at / 1000 + 60);
    const expected = ossV1Signature('sk', `PUT\n\n\n${expires}\n/my-bucket/a+b c.txt`);
    expect(new URL(url).host).toBe('static.example.com');
    expect(queryValue(url, 'Signature')).toBe(expected);
  });

  it('percent-encodes the base64 signature and the STS token in the query', () => {
    const { url } = presignOssV1({ ...AK_SK, securityToken: 'a+b/c=' }, request, at);
    expect(url).toContain('security-token=a%2Bb%2Fc%3D');
    expect(new URL(url).search).not.toMatch(/Signature=[^&]*[+/=]/);
  });

  it('leaves unsigned parameters in the URL without changing the signature', () => {
    const plain = presignOssV1(AK_SK, request, at);
    const extra = presignOssV1(AK_SK, { ...request, query: [{ name: 'foo', value: 'bar' }] }, at);
    expect(queryValue(extra.url, 'foo')).toBe('bar');
    expect(queryValue(extra.url, 'Signature')).toBe(queryValue(plain.url, 'Signature'));
  });

  it('has no 7-day cap and reports Expires as expiresAt', () => {
    const year = 365 * 24 * 3600;
    const result = presignOssV1(AK_SK, { ...request, expiresInSeconds: year }, at);
    expect(queryValue(result.url, 'Expires')).toBe(String(at / 1000 + year));
    expect(result.expiresAt).toBe('2025-06-01T12:00:00Z');
    expect(result.signedAt).toBe('2024-06-01T12:00:00Z');
  });

  it('lists Content-Type, Content-MD5 and x-oss-* headers as the headers to send', () => {
    const result = presignOssV1(AK_SK, { ...request, headers: { 'Content-Type': 'text/plain', 'x-oss-meta-a': ' 1 ', 'Content-MD5': 'eB5eJF1ptWaXm4bijSPyxw==' } }, at);
    expect(result.signedHeaders).toEqual({ 'content-type': 'text/plain', 'x-oss-meta-a': '1', 'content-md5': 'eB5eJF1ptWaXm4bijSPyxw==' });
  });
});
