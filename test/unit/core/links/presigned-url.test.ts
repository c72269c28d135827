/**
 * Reading presigned URLs: each scheme (OSS V4, OSS V1, S3 SigV4) and addressing (virtual-hosted, path
 * style, custom domain) as Dropsign's own signer writes them; the raw path kept as is; anything else
 * (garbage, other schemes, no signature, broken parameters) refused with a typed error and a hint that
 * never quotes the signature or the token.
 */
import { describe, expect, it } from 'vitest';
import { parsePresignedUrl } from '../../../../electron/core/links/presigned-url.js';
import { presign } from '../../../../electron/core/signing/presign.js';
import type { Credentials, PresignRequest } from '../../../../electron/shared/signing.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const CREDENTIALS: Credentials = { accessKeyId: 'LTAI5tInspect', accessKeySecret: 'Inspect+Secret/Value', securityToken: 'Sts+Token/Value==' };

function sign(request: Partial<PresignRequest>): string {
  return presign(
    CREDENTIALS,
    { scheme: 'oss-v4', method: 'PUT', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', style: 'virtual-hosted', bucket: 'photos', key: 'dir/a b+c.png', region: 'cn-hangzhou', expiresInSeconds: 600, ...request },
    { now: () => NOW },
  ).url;
}

describe('parsePresignedUrl', () => {
  it('reads an OSS V4 virtual-hosted link', () => {
    const parts = parsePresignedUrl(`  ${sign({ headers: { 'content-type': 'image/png' }, additionalHeaders: ['host'], query: [{ name: 'x-oss-process', value: 'image/resize,w_200' }] })}\n`);
    expect(parts).toMatchObject({
      scheme: 'oss-v4',
      host: 'photos.oss-cn-hangzhou.aliyuncs.com',
      addressing: { style: 'virtual-hosted', bucket: 'photos', key: 'dir/a b+c.png' },
      accessKeyId: 'LTAI5tInspect',
      region: 'cn-hangzhou',
      dateTime: '20261121T080000Z',
      signedAtMs: NOW,
      expiresAtMs: NOW + 600_000,
      headerNames: ['host'],
      hasSecurityToken: true,
    });
    expect(parts.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads an OSS V1 path-style link on a local endpoint', () => {
    const parts = parsePresignedUrl(sign({ scheme: 'oss-v1', endpoint: 'http://127.0.0.1:47110', style: 'path', key: '照片/猫 %.jpg' }));
    expect(parts).toMatchObject({
      scheme: 'oss-v1',
      host: '127.0.0.1:47110',
      addressing: { style: 'path', bucket: 'photos', key: '照片/猫 %.jpg' },
      accessKeyId: 'LTAI5tInspect',
      expiresAtMs: NOW + 600_000,
      headerNames: [],
      hasSecurityToken: true,
    });
    expect(parts).not.toHaveProperty('region');
  });

  it('keeps the path as written: `..` is part of the key, not path syntax', () => {
    const parts = parsePresignedUrl('http://127.0.0.1:47110/photos/a/../b%2F..?OSSAccessKeyId=AK&Expires=1790000000&Signature=x');
    expect(parts.rawPath).toBe('/photos/a/../b%2F..');
    expect(parts.addressing).toEqual({ style: 'path', bucket: 'photos', key: 'a/../b/..' });
  });

  it('reads an S3 SigV4 link: virtual-hosted on AWS, path style on MinIO, and a custom domain', () => {
    const aws = parsePresignedUrl(sign({ scheme: 's3-v4', endpoint: 'https://s3.eu-west-1.amazonaws.com', region: 'eu-west-1', headers: { 'content-type': 'text/plain' } }));
    expect(aws).toMatchObject({ scheme: 's3-v4', addressing: { style: 'virtual-hosted', bucket: 'photos' }, region: 'eu-west-1', headerNames: ['content-type', 'host'] });
    const minio = parsePresignedUrl(sign({ scheme: 's3-v4', endpoint: 'http://[::1]:9000', style: 'path', region: 'us-east-1' }));
    expect(minio).toMatchObject({ host: '[::1]:9000', addressing: { style: 'path', bucket: 'photos', key: 'dir/a b+c.png' } });
    const cname = parsePresignedUrl(sign({ scheme: 's3-v4', endpoint: 'https://files.example.com', style: 'cname', region: 'us-east-1' }));
    expect(cname.addressing).toEqual({ style: 'cname', key: 'dir/a b+c.png', asPath: { bucket: 'dir', key: 'a b+c.png' } });
  });

  it.each([
    ['garbage', 'not a link at all', /not a link/],
    ['an empty string', '', /not a link/],
    ['another scheme', 'ftp://photos.example.com/a?x-oss-signature=1', /Only http and https/],
    ['a javascript: URL', 'javascript:alert(1)', /Only http and https/],
    ['no signature', 'https://photos.oss-cn-hangzhou.aliyuncs.com/a.png?versionId=1', /carries no signature/],
    ['a cut-off link', 'https://photos.oss-cn-hangzhou.aliyuncs.com/a.png?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=LTAI%2F2026', /no x-oss-date|x-oss-credential/],
    ['broken percent-encoding', 'https://photos.oss-cn-hangzhou.aliyuncs.com/a%E0.png?Signature=x&OSSAccessKeyId=a&Expires=1', /percent-encoding/],
    ['a validity over seven days', sign({}).replace('x-oss-expires=600', 'x-oss-expires=999999'), /1 to 604800/],
    ['two signatures', `${sign({})}&x-oss-signature=00`, /more than once/],
    ['a signing date off its credential', sign({}).replace('x-oss-date=20261121', 'x-oss-date=20261122'), /signing time/],
  ])('refuses %s with a typed error and a hint', (_what, url, message) => {
    let thrown: unknown;
    try {
      parsePresignedUrl(url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: 'DropsignError', code: 'invalid-argument', message: expect.stringMatching(message), hint: expect.stringMatching(/Paste the whole link/) });
    expect(JSON.stringify(thrown)).not.toContain('Sts+Token');
  });
});
