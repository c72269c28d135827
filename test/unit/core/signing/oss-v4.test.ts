import { describe, expect, it } from 'vitest';

import {
  ossV4CanonicalRequest,
  ossV4CanonicalUri,
  ossV4EffectiveAdditionalHeaders,
  ossV4Signature,
  ossV4StringToSign,
  presignOssV4,
} from '../../../../electron/core/signing/oss-v4.js';
import type { Credentials, PresignRequest, QueryParam } from '../../../../electron/shared/signing.js';
import { queryValue, urlParts } from './arbitraries.js';

/**
 * Vectors from the official SDK unit tests: aliyun/alibabacloud-oss-go-sdk-v2 oss/signer/signer_test.go
 * (TestV4AuthHeader*, TestV4AuthQuery*) and aliyun/alibabacloud-oss-python-sdk-v2
 * tests/unit/signer/test_v4.py (same vectors, plus test_auth_query_long_expiration). Credentials ak/sk.
 */
const SDK_QUERY: readonly QueryParam[] = [
  { name: 'param1', value: 'value1' },
  { name: '+param1', value: 'value3' },
  { name: '|param1', value: 'value4' },
  { name: '+param2', value: '' },
  { name: '|param2', value: '' },
  { name: 'param2', value: '' },
];
const AK_SK: Credentials = { accessKeyId: 'ak', accessKeySecret: 'sk' };
const SDK_URL_REQUEST: PresignRequest = {
  scheme: 'oss-v4',
  method: 'PUT',
  endpoint: 'http://oss-cn-hangzhou.aliyuncs.com',
  style: 'virtual-hosted',
  bucket: 'bucket',
  key: '1234+-/123/1.txt',
  region: 'cn-hangzhou',
  expiresInSeconds: 599,
  headers: { 'x-oss-head1': 'value', 'content-type': 'application/octet-stream' },
  query: SDK_QUERY,
};

describe('oss-v4 presign: official SDK query vectors', () => {
  it('signs the Go/Python TestV4AuthQuery vector', () => {
    const { url } = presignOssV4(AK_SK, SDK_URL_REQUEST, 1_702_781_677_000);
    expect(queryValue(url, 'x-oss-date')).toBe('20231217T025437Z');
    expect(queryValue(url, 'x-oss-expires')).toBe('599');
    expect(queryValue(url, 'x-oss-credential')).toBe('ak/20231217/cn-hangzhou/oss/aliyun_v4_request');
    expect(queryValue(url, 'x-oss-signature-version')).toBe('OSS4-HMAC-SHA256');
    expect(queryValue(url, 'x-oss-additional-headers')).toBeUndefined();
    expect(queryValue(url, 'x-oss-signature')).toBe('a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe');
  });

  it('signs the STS token into the canonical query (TestV4AuthQueryToken)', () => {
    const { url } = presignOssV4({ ...AK_SK, securityToken: 'token' }, SDK_URL_REQUEST, 1_702_785_388_000);
    expect(queryValue(url, 'x-oss-date')).toBe('20231217T035628Z');
    expect(queryValue(url, 'x-oss-security-token')).toBe('token');
    expect(queryValue(url, 'x-oss-signature')).toBe('3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5');
  });

  it('signs additional headers, dropping default-signed and absent names (TestV4AuthQueryWithAdditionalHeaders)', () => {
    const request = { ...SDK_URL_REQUEST, headers: { ...SDK_URL_REQUEST.headers, abc: 'value', ZAbc: 'value' } };
    for (const additionalHeaders of [['ZAbc', 'abc'], ['x-oss-no-exist', 'abc', 'x-oss-head1', 'ZAbc']]) {
      const { url } = presignOssV4(AK_SK, { ...request, additionalHeaders }, 1_702_783_809_000);
      expect(queryValue(url, 'x-oss-additional-headers')).toBe('abc;zabc');
      expect(queryValue(url, 'x-oss-signature')).toBe('6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7');
    }
  });

  it('signs a 5-day expiry (Python test_auth_query_long_expiration)', () => {
    const { url } = presignOssV4(AK_SK, { ...SDK_URL_REQUEST, expiresInSeconds: 432_000 }, 1_702_781_677_000);
    expect(queryValue(url, 'x-oss-signature')).toBe('31029123dc7732d2d2cfd4006ea4fdb6cf86da6478f813e2bf8f87877c7b9fec');
  });
});

describe('oss-v4 canonical primitives: official SDK Authorization-header vectors', () => {
  /** The Go/Python header-signing request: the signer adds x-oss-date and x-oss-content-sha256. */
  function headerSignature(dateTime: string, extra: Record<string, string>, additional: string[]): string {
    const canonical = ossV4CanonicalRequest({
      method: 'PUT',
      bucket: 'bucket',
      key: '1234+-/123/1.txt',
      query: SDK_QUERY,
      headers: {
        'content-type': 'text/plain',
        'x-oss-content-sha256': 'UNSIGNED-PAYLOAD',
        'x-oss-date': dateTime,
        'x-oss-head1': 'value',
        ...extra,
      },
      additionalHeaders: additional,
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    return ossV4Signature('sk', dateTime.slice(0, 8), 'cn-hangzhou', ossV4StringToSign(canonical, dateTime, 'cn-hangzhou'));
  }

  it('reproduces TestV4AuthHeader', () => {
    expect(headerSignature('20231216T162057Z', {}, [])).toBe('e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe');
  });

  it('reproduces TestV4AuthHeaderToken', () => {
    expect(headerSignature('20231217T034736Z', { 'x-oss-security-token': 'token' }, [])).toBe(
      'b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea',
    );
  });

  it('reproduces TestV4AuthHeaderWithAdditionalHeaders', () => {
    expect(headerSignature('20231216T172512Z', { abc: 'value', zabc: 'value' }, ['zabc', 'abc'])).toBe(
      '4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f',
    );
  });
});

describe('oss-v4 canonical request', () => {
  const base = { method: 'GET', query: [], headers: {}, additionalHeaders: [], payloadHash: 'UNSIGNED-PAYLOAD' };

  it('ends with an empty header block, an empty additional-headers line and the payload hash', () => {
    expect(ossV4CanonicalRequest({ ...base, bucket: 'b', key: 'k' })).toBe('GET\n/b/k\n\n\n\nUNSIGNED-PAYLOAD');
  });

  it('writes "/" without a bucket and "/bucket/" without a key', () => {
    expect(ossV4CanonicalUri()).toBe('/');
    expect(ossV4CanonicalUri('b')).toBe('/b/');
  });

  it('encodes the key with "/" kept, "+" as %2B and space as %20', () => {
    expect(ossV4CanonicalUri('b', 'a b+c/ü~.txt')).toBe('/b/a%20b%2Bc/%C3%BC~.txt');
  });

  it('writes a value-less parameter as the bare name and sorts encoded names in byte order', () => {
    const canonical = ossV4CanonicalRequest({
      ...base,
      bucket: 'b',
      query: [{ name: 'uploads' }, { name: 'Zeta', value: 'z' }, { name: 'alpha', value: 'a b' }, { name: 'e', value: '' }],
    });
    expect(canonical.split('\n')[2]).toBe('Zeta=z&alpha=a%20b&e&uploads');
  });

  it('trims header values but keeps inner spaces', () => {
    const canonical = ossV4CanonicalRequest({ ...base, bucket: 'b', headers: { 'x-oss-meta-a': '  a  b \t' } });
    expect(canonical.split('\n')[3]).toBe('x-oss-meta-a:a  b');
  });

  it('lower-cases, de-duplicates and sorts additional header names', () => {
    const canonical = ossV4CanonicalRequest({ ...base, additionalHeaders: ['Zz', 'host', 'zz', 'Abc'] });
    expect(canonical.split('\n')[4]).toBe('abc;host;zz');
  });
});

describe('oss-v4 presign', () => {
  const request: PresignRequest = {
    scheme: 'oss-v4',
    method: 'GET',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    style: 'virtual-hosted',
    bucket: 'my-bucket',
    key: 'dir/a b+c.txt',
    region: 'cn-hangzhou',
    expiresInSeconds: 3600,
  };
  const at = Date.UTC(2024, 0, 2, 3, 4, 5);

  it('puts the bucket in the host and the encoded key in the path for virtual-hosted URLs', () => {
    const { url } = presignOssV4(AK_SK, request, at);
    expect(url.startsWith('https://my-bucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b%2Bc.txt?')).toBe(true);
  });

  it('puts the bucket in the canonical URI for cname URLs', () => {
    const cname = presignOssV4(AK_SK, { ...request, style: 'cname', endpoint: 'https://files.example.com' }, at);
    const virtual = presignOssV4(AK_SK, request, at);
    expect(urlParts(cname.url).origin).toBe('https://files.example.com');
    expect(new URL(cname.url).pathname).toBe('/dir/a%20b%2Bc.txt');
    // Same canonical request (host is not signed), so the same signature as the virtual-hosted URL.
    expect(queryValue(cname.url, 'x-oss-signature')).toBe(queryValue(virtual.url, 'x-oss-signature'));
  });

  it('puts the bucket in the path for path-style URLs, keeping an explicit port', () => {
    const { url } = presignOssV4(AK_SK, { ...request, style: 'path', endpoint: 'http://127.0.0.1:9000' }, at);
    expect(url.startsWith('http://127.0.0.1:9000/my-bucket/dir/a%20b%2Bc.txt?')).toBe(true);
  });

  it('renders a bare parameter as the bare name in the URL', () => {
    const { url } = presignOssV4(AK_SK, { ...request, method: 'POST', query: [{ name: 'uploads' }] }, at);
    expect(new URL(url).search).toMatch(/^\?uploads&/);
  });

  it('signs host from the URL when listed as an additional header, and leaves it out of signedHeaders', () => {
    const withHost = presignOssV4(AK_SK, { ...request, additionalHeaders: ['Host'] }, at);
    expect(queryValue(withHost.url, 'x-oss-additional-headers')).toBe('host');
    expect(withHost.signedHeaders).toEqual({});
    const canonical = ossV4CanonicalRequest({
      method: 'GET',
      bucket: 'my-bucket',
      key: 'dir/a b+c.txt',
      query: [...new URL(withHost.url).searchParams].filter(([n]) => n !== 'x-oss-signature').map(([name, value]) => ({ name, value })),
      headers: { host: 'my-bucket.oss-cn-hangzhou.aliyuncs.com' },
      additionalHeaders: ['host'],
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    const signature = ossV4Signature('sk', '20240102', 'cn-hangzhou', ossV4StringToSign(canonical, '20240102T030405Z', 'cn-hangzhou'));
    expect(queryValue(withHost.url, 'x-oss-signature')).toBe(signature);
  });

  it('lists exactly the headers the client must send, lower-case and trimmed', () => {
    const result = presignOssV4(
      AK_SK,
      { ...request, method: 'PUT', headers: { 'Content-Type': ' image/png ', 'X-Oss-Meta-Author': 'alice', 'Cache-Control': 'no-cache' }, additionalHeaders: ['cache-control'] },
      at,
    );
    expect(result.signedHeaders).toEqual({ 'content-type': 'image/png', 'x-oss-meta-author': 'alice', 'cache-control': 'no-cache' });
  });

  it('reports signing and expiry times in ISO 8601 UTC, dropping sub-second precision', () => {
    const result = presignOssV4(AK_SK, request, at + 999);
    expect(result.signedAt).toBe('2024-01-02T03:04:05Z');
    expect(result.expiresAt).toBe('2024-01-02T04:04:05Z');
    expect(queryValue(result.url, 'x-oss-date')).toBe('20240102T030405Z');
  });

  it('uses an x-oss-content-sha256 header as the payload hash, as the SDKs do', () => {
    const hash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const signed = presignOssV4(AK_SK, { ...request, headers: { 'x-oss-content-sha256': hash } }, at);
    const canonical = ossV4CanonicalRequest({
      method: 'GET',
      bucket: 'my-bucket',
      key: 'dir/a b+c.txt',
      query: [...new URL(signed.url).searchParams].filter(([n]) => n !== 'x-oss-signature').map(([name, value]) => ({ name, value })),
      headers: { 'x-oss-content-sha256': hash },
      additionalHeaders: [],
      payloadHash: hash,
    });
    expect(queryValue(signed.url, 'x-oss-signature')).toBe(
      ossV4Signature('sk', '20240102', 'cn-hangzhou', ossV4StringToSign(canonical, '20240102T030405Z', 'cn-hangzhou')),
    );
  });
});

describe('oss-v4 effective additional headers', () => {
  it('keeps host even though the request does not carry it, and drops absent and default-signed names', () => {
    expect(ossV4EffectiveAdditionalHeaders(['X-Custom', 'host', 'missing', 'content-type', 'x-oss-meta-a', 'x-custom'], { 'x-custom': '1' })).toEqual([
      'host',
      'x-custom',
    ]);
  });
});
