import { describe, expect, it } from 'vitest';

import {
  presignS3V4,
  s3V4CanonicalRequest,
  s3V4Signature,
  s3V4StringToSign,
} from '../../../../electron/core/signing/s3-v4.js';
import type { Credentials, PresignRequest } from '../../../../electron/shared/signing.js';
import { queryValue } from './arbitraries.js';

/**
 * The example of the AWS S3 API reference, "Authenticating Requests: Using Query Parameters (AWS Signature
 * Version 4)": GET examplebucket/test.txt, 2013-05-24T00:00:00Z, 86400 s, us-east-1.
 */
const AWS_EXAMPLE_CREDENTIALS: Credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  accessKeySecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const AWS_EXAMPLE: PresignRequest = {
  scheme: 's3-v4',
  method: 'GET',
  endpoint: 'https://s3.amazonaws.com',
  style: 'virtual-hosted',
  bucket: 'examplebucket',
  key: 'test.txt',
  region: 'us-east-1',
  expiresInSeconds: 86_400,
};
const AWS_EXAMPLE_TIME = Date.UTC(2013, 4, 24);

describe('s3-v4 presign: AWS documentation example', () => {
  it('produces the documented signature aeeed9bb…d404', () => {
    const { url } = presignS3V4(AWS_EXAMPLE_CREDENTIALS, AWS_EXAMPLE, AWS_EXAMPLE_TIME);
    expect(queryValue(url, 'X-Amz-Signature')).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
  });

  it('produces the documented URL', () => {
    const { url } = presignS3V4(AWS_EXAMPLE_CREDENTIALS, AWS_EXAMPLE, AWS_EXAMPLE_TIME);
    expect(url).toBe(
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
        '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });

  it('reproduces the documented canonical request through the primitives', () => {
    const canonical = s3V4CanonicalRequest({
      method: 'GET',
      canonicalUri: '/test.txt',
      query: [
        { name: 'X-Amz-Algorithm', value: 'AWS4-HMAC-SHA256' },
        { name: 'X-Amz-Credential', value: 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request' },
        { name: 'X-Amz-Date', value: '20130524T000000Z' },
        { name: 'X-Amz-Expires', value: '86400' },
        { name: 'X-Amz-SignedHeaders', value: 'host' },
      ],
      headers: { host: 'examplebucket.s3.amazonaws.com' },
      signedHeaderNames: ['host'],
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(canonical).toBe(
      'GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\nhost:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD',
    );
    const stringToSign = s3V4StringToSign(canonical, '20130524T000000Z', 'us-east-1');
    expect(stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04',
    );
    expect(s3V4Signature(AWS_EXAMPLE_CREDENTIALS.accessKeySecret, '20130524', 'us-east-1', stringToSign)).toBe(
      'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    );
  });
});

describe('s3-v4 canonical request', () => {
  it('writes a value-less parameter as "name="', () => {
    const canonical = s3V4CanonicalRequest({
      method: 'POST',
      canonicalUri: '/k',
      query: [{ name: 'uploads' }],
      headers: { host: 'h' },
      signedHeaderNames: ['host'],
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(canonical.split('\n')[2]).toBe('uploads=');
  });

  it('trims header values and collapses inner whitespace', () => {
    const canonical = s3V4CanonicalRequest({
      method: 'PUT',
      canonicalUri: '/k',
      query: [],
      headers: { host: 'h', 'x-amz-meta-a': '  a   b \t c  ' },
      signedHeaderNames: ['x-amz-meta-a', 'host'],
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    expect(canonical).toBe('PUT\n/k\n\nhost:h\nx-amz-meta-a:a b c\n\nhost;x-amz-meta-a\nUNSIGNED-PAYLOAD');
  });
});

describe('s3-v4 presign', () => {
  const request: PresignRequest = {
    scheme: 's3-v4',
    method: 'PUT',
    endpoint: 'http://127.0.0.1:9000',
    style: 'path',
    bucket: 'my.bucket',
    key: 'a b+c/ü.txt',
    region: 'us-east-1',
    expiresInSeconds: 900,
  };
  const at = Date.UTC(2024, 1, 29, 23, 59, 59);

  it('signs host with the non-default port and puts the bucket in the path for path-style URLs', () => {
    const { url } = presignS3V4(AWS_EXAMPLE_CREDENTIALS, request, at);
    expect(url.startsWith('http://127.0.0.1:9000/my.bucket/a%20b%2Bc/%C3%BC.txt?')).toBe(true);
    expect(queryValue(url, 'X-Amz-SignedHeaders')).toBe('host');
  });

  it('keeps the bucket out of the canonical URI for virtual-hosted URLs', () => {
    const result = presignS3V4(AWS_EXAMPLE_CREDENTIALS, { ...request, style: 'virtual-hosted', endpoint: 'https://s3.us-west-2.amazonaws.com' }, at);
    expect(new URL(result.url).pathname).toBe('/a%20b%2Bc/%C3%BC.txt');
  });

  it('signs every given header, x-amz-meta-* included, as headers rather than query parameters', () => {
    const result = presignS3V4(
      AWS_EXAMPLE_CREDENTIALS,
      { ...request, headers: { 'Content-Type': 'image/png', 'X-Amz-Meta-Author': ' alice  smith ' } },
      at,
    );
    expect(queryValue(result.url, 'X-Amz-SignedHeaders')).toBe('content-type;host;x-amz-meta-author');
    expect(queryValue(result.url, 'X-Amz-Meta-Author')).toBeUndefined();
    expect(result.signedHeaders).toEqual({ 'content-type': 'image/png', 'x-amz-meta-author': 'alice smith' });
  });

  it('keeps the URL minimal: no X-Amz-Content-Sha256, x-id or checksum parameters', () => {
    const { url } = presignS3V4(AWS_EXAMPLE_CREDENTIALS, request, at);
    const names = [...new URL(url).searchParams.keys()].sort();
    expect(names).toEqual(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Signature', 'X-Amz-SignedHeaders']);
  });

  it('adds the session token as X-Amz-Security-Token, percent-encoded', () => {
    const { url } = presignS3V4({ ...AWS_EXAMPLE_CREDENTIALS, securityToken: 'FQo+a/b=' }, request, at);
    expect(url).toContain('X-Amz-Security-Token=FQo%2Ba%2Fb%3D');
  });

  it('renders a value-less parameter as "name=" in the URL', () => {
    const { url } = presignS3V4(AWS_EXAMPLE_CREDENTIALS, { ...request, method: 'POST', query: [{ name: 'uploads' }] }, at);
    expect(url).toMatch(/[?&]uploads=&/);
  });
});
