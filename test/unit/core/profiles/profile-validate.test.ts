import { describe, expect, it } from 'vitest';
import { endpointUrl, isMainlandChinaRegion, parseEndpointValue, recogniseEndpoint } from '../../../../electron/core/profiles/profile-endpoint.js';
import { profilesDocumentSchema } from '../../../../electron/core/profiles/profile-schema.js';
import { validateProfile, validateProfileName } from '../../../../electron/core/profiles/profile-validate.js';
import { DropsignError } from '../../../../electron/shared/errors.js';
import { PROD } from './profile-fixtures.js';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DropsignError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'ok';
}

describe('validateProfile', () => {
  it('accepts a complete profile and fills in the defaults', () => {
    const { keyPrefix: _prefix, linkExpirySeconds: _expiry, secretStore: _store, ...minimal } = PROD;
    expect(validateProfile(minimal)).toEqual(PROD);
  });

  it('never has a field for the secret: unknown fields are dropped', () => {
    const parsed = validateProfile({ ...PROD, accessKeySecret: 'must-not-survive' });
    expect(JSON.stringify(parsed)).not.toContain('must-not-survive');
  });

  it.each([
    ['a region given as an endpoint host', { region: 'oss-cn-hangzhou' }, /invalid-region: Profile region: .*did you mean cn-hangzhou/],
    ['an upper-case bucket', { bucket: 'Photos' }, /invalid-bucket: Profile bucket/],
    ['an endpoint with a path', { endpoint: { kind: 'custom', url: 'https://oss.example/x' } }, /invalid-endpoint: Profile endpoint/],
    ['S3 with an OSS scheme', { provider: 's3', scheme: 'oss-v4' }, /invalid-profile: An S3-compatible profile signs with s3-v4/],
    ['S3 with an internal endpoint', { provider: 's3', scheme: 's3-v4', region: 'us-east-1', endpoint: { kind: 'internal' } }, /no "internal" endpoint/],
    ['acceleration with path style', { endpoint: { kind: 'accelerate' }, style: 'path' }, /virtual-hosted addressing only/],
    ['cname style without a custom endpoint', { style: 'cname' }, /needs the custom domain/],
    ['a link expiry over 7 days', { linkExpirySeconds: 700_000 }, /invalid-profile: Profile field linkExpirySeconds/],
    ['a key prefix starting with /', { keyPrefix: '/uploads/' }, /invalid-key: Profile key prefix/],
    ['an unknown key template placeholder', { keyTemplate: '{nope}' }, /invalid-key-template: Profile key template/],
    ['a custom domain with a path', { customDomain: 'https://files.example.com/x' }, /Profile custom domain/],
    ['a public URL template without {key}', { publicUrlTemplate: 'https://cdn.example.com/' }, /must be an http\(s\) URL containing \{key\}/],
    ['no access key id', { accessKeyId: '' }, /invalid-profile: Profile field accessKeyId/],
  ])('refuses %s', (_title, change, expected) => {
    expect(codeOf(() => validateProfile({ ...PROD, ...change }))).toMatch(expected);
  });

  it('accepts MinIO-style S3 profiles and OSS profiles with a custom domain', () => {
    expect(codeOf(() => validateProfile({ ...PROD, name: 'minio', provider: 's3', scheme: 's3-v4', region: 'us-east-1', endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' }, style: 'path' }))).toBe('ok');
    expect(codeOf(() => validateProfile({ ...PROD, customDomain: 'https://files.example.com', keyPrefix: 'uploads/', keyTemplate: '{date}/{name}', publicUrlTemplate: 'https://cdn.example.com/{key}' }))).toBe('ok');
  });
});

describe('profile names', () => {
  it.each(['prod', 'staging-2', 'minio.work', 'a_b', 'x'])('accepts %s', (name) => {
    expect(codeOf(() => validateProfileName(name))).toBe('ok');
  });

  it.each(['', 'Prod', '-x', 'has space', 'a/b', 'x'.repeat(65)])('refuses %j', (name) => {
    expect(codeOf(() => validateProfileName(name))).toMatch(/^invalid-profile/);
  });

  it('reserves "local" for the built-in profile', () => {
    expect(codeOf(() => validateProfileName('local'))).toMatch(/built-in profile/);
  });

  it('the document refuses duplicate names', () => {
    expect(profilesDocumentSchema.safeParse({ profiles: [PROD, PROD] }).success).toBe(false);
  });
});

describe('endpoints', () => {
  it.each([
    [{ provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'public' } }, 'https://oss-cn-hangzhou.aliyuncs.com'],
    [{ provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'internal' } }, 'https://oss-cn-hangzhou-internal.aliyuncs.com'],
    [{ provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'accelerate' } }, 'https://oss-accelerate.aliyuncs.com'],
    [{ provider: 's3', region: 'eu-west-1', endpoint: { kind: 'public' } }, 'https://s3.eu-west-1.amazonaws.com'],
    [{ provider: 's3', region: 'us-east-1', endpoint: { kind: 'accelerate' } }, 'https://s3-accelerate.amazonaws.com'],
    [{ provider: 's3', region: 'us-east-1', endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' } }, 'http://127.0.0.1:9000'],
  ] as const)('%j → %s', (profile, url) => {
    expect(endpointUrl(profile)).toBe(url);
  });

  it('reads --endpoint keywords and URLs', () => {
    expect(parseEndpointValue('Internal')).toEqual({ kind: 'internal' });
    expect(parseEndpointValue(' https://minio.example ')).toEqual({ kind: 'custom', url: 'https://minio.example' });
  });

  it('recognises OSS and AWS endpoints in imported settings', () => {
    expect(recogniseEndpoint('oss-cn-shanghai.aliyuncs.com', 'oss')).toEqual({ endpoint: { kind: 'public' }, region: 'cn-shanghai' });
    expect(recogniseEndpoint('https://oss-cn-beijing-internal.aliyuncs.com', 'oss')).toEqual({ endpoint: { kind: 'internal' }, region: 'cn-beijing' });
    expect(recogniseEndpoint('http://oss-cn-beijing.aliyuncs.com', 'oss')).toEqual({ endpoint: { kind: 'custom', url: 'http://oss-cn-beijing.aliyuncs.com' }, region: 'cn-beijing' });
    expect(recogniseEndpoint('https://s3.eu-west-1.amazonaws.com', 's3')).toEqual({ endpoint: { kind: 'public' }, region: 'eu-west-1' });
    expect(recogniseEndpoint('files.example.com', 'oss')).toEqual({ endpoint: { kind: 'custom', url: 'https://files.example.com' } });
  });

  it('knows Hong Kong is not mainland China', () => {
    expect(isMainlandChinaRegion('cn-hangzhou')).toBe(true);
    expect(isMainlandChinaRegion('cn-hongkong')).toBe(false);
    expect(isMainlandChinaRegion('ap-southeast-1')).toBe(false);
  });
});
