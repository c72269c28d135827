import { describe, expect, it } from 'vitest';
import { PROFILE_NAME_PATTERN as CONTRACT_NAME_PATTERN } from '../../../../../electron/shared/ipc/schemas.js';
import { EMPTY_DRAFT, type EditorMode, type ProfileDraft } from '../../../../../renderer/src/features/profiles/profile-draft.js';
import { draftProblems, PROFILE_NAME_PATTERN } from '../../../../../renderer/src/features/profiles/profile-rules.js';
import { profileView } from './fake-host.js';

const NEW: EditorMode = { kind: 'new' };

/** A new OSS profile the host accepts, changed by `fields`. */
function draft(fields: Partial<ProfileDraft> = {}): ProfileDraft {
  return { ...EMPTY_DRAFT, name: 'prod', region: 'cn-hangzhou', bucket: 'photos', accessKeyId: 'LTAI5tKey', secret: 's3cret', ...fields };
}

/** The message key of each field's problem. */
function problemKeys(given: ProfileDraft, mode: EditorMode = NEW): Record<string, string> {
  return Object.fromEntries(Object.entries(draftProblems(given, mode)).map(([field, problem]) => [field, problem.key]));
}

describe('draftProblems', () => {
  it('finds nothing wrong with a complete OSS profile', () => {
    expect(draftProblems(draft(), NEW)).toStrictEqual({});
  });

  it('checks the name as the contract does, and keeps "local" for the built-in profile', () => {
    expect(PROFILE_NAME_PATTERN.source).toBe(CONTRACT_NAME_PATTERN.source);
    expect(problemKeys(draft({ name: '' }))).toStrictEqual({ name: 'required' });
    expect(problemKeys(draft({ name: 'Prod' }))).toStrictEqual({ name: 'namePattern' });
    expect(problemKeys(draft({ name: '-prod' }))).toStrictEqual({ name: 'namePattern' });
    expect(problemKeys(draft({ name: 'local' }))).toStrictEqual({ name: 'nameLocal' });
    expect(problemKeys(draft({ name: 'minio-work.2_b' }))).toStrictEqual({});
  });

  it('explains the usual region mix-ups with the id that was meant', () => {
    expect(draftProblems(draft({ region: 'oss-cn-hangzhou' }), NEW).region).toStrictEqual({ key: 'regionOssPrefix', values: { meant: 'cn-hangzhou' } });
    expect(draftProblems(draft({ region: 'oss-cn-beijing-internal.aliyuncs.com' }), NEW).region).toStrictEqual({ key: 'regionHostMeant', values: { meant: 'cn-beijing' } });
    expect(problemKeys(draft({ region: 'hangzhou' }))).toStrictEqual({ region: 'regionOssHyphen' });
    expect(problemKeys(draft({ region: 'CN-Hangzhou' }))).toStrictEqual({ region: 'regionShape' });
    // S3 signs with whatever its store calls the region, hyphen or not.
    expect(problemKeys(draft({ provider: 's3', scheme: 's3-v4', region: 'minio' }))).toStrictEqual({});
  });

  it('holds bucket names to OSS rules for OSS and to S3 rules for S3', () => {
    expect(problemKeys(draft({ bucket: 'ab' }))).toStrictEqual({ bucket: 'bucketLength' });
    expect(problemKeys(draft({ bucket: 'my.photos' }))).toStrictEqual({ bucket: 'bucketCharsOss' });
    expect(problemKeys(draft({ bucket: 'photos-' }))).toStrictEqual({ bucket: 'bucketEdges' });
    const s3 = { provider: 's3', scheme: 's3-v4', region: 'us-east-1' } as const;
    expect(problemKeys(draft({ ...s3, bucket: 'my.photos' }))).toStrictEqual({});
    expect(problemKeys(draft({ ...s3, bucket: 'my..photos' }))).toStrictEqual({ bucket: 'bucketS3Rules' });
    expect(problemKeys(draft({ ...s3, bucket: 'xn--photos' }))).toStrictEqual({ bucket: 'bucketS3Rules' });
  });

  it('wants a custom endpoint as scheme://host[:port], and path style for an IP address', () => {
    expect(problemKeys(draft({ endpointKind: 'custom', endpointUrl: '' }))).toStrictEqual({ endpointUrl: 'required' });
    expect(problemKeys(draft({ endpointKind: 'custom', endpointUrl: 'minio.local:9000' }))).toStrictEqual({ endpointUrl: 'urlScheme' });
    expect(problemKeys(draft({ endpointKind: 'custom', endpointUrl: 'https://minio.local/photos' }))).toStrictEqual({ endpointUrl: 'urlPath' });
    expect(problemKeys(draft({ endpointKind: 'custom', endpointUrl: 'https://user:pw@minio.local' }))).toStrictEqual({ endpointUrl: 'urlCredentials' });
    expect(problemKeys(draft({ endpointKind: 'custom', endpointUrl: 'http://127.0.0.1:9000', style: 'virtual-hosted' }))).toStrictEqual({ style: 'virtualHostedIp' });
    expect(problemKeys(draft({ endpointKind: 'custom', endpointUrl: 'http://127.0.0.1:9000', style: 'path' }))).toStrictEqual({});
  });

  it('refuses the endpoint and style combinations the host refuses', () => {
    expect(problemKeys(draft({ provider: 's3', scheme: 's3-v4', region: 'us-east-1', endpointKind: 'internal' }))).toStrictEqual({ endpointKind: 'internalS3' });
    expect(problemKeys(draft({ endpointKind: 'accelerate', style: 'path' }))).toStrictEqual({ style: 'accelerateStyle' });
    expect(problemKeys(draft({ endpointKind: 'public', style: 'cname' }))).toStrictEqual({ style: 'cnameNeedsCustom' });
  });

  it('checks keys, templates and link addresses as uploads will use them', () => {
    expect(problemKeys(draft({ keyPrefix: '/uploads' }))).toStrictEqual({ keyPrefix: 'keyPrefixShape' });
    expect(problemKeys(draft({ keyPrefix: 'a/../b/' }))).toStrictEqual({ keyPrefix: 'keyPrefixShape' });
    expect(problemKeys(draft({ keyTemplate: '{date}/{name' }))).toStrictEqual({ keyTemplate: 'templateBraces' });
    expect(draftProblems(draft({ keyTemplate: '{date}/{file}' }), NEW).keyTemplate).toStrictEqual({ key: 'templatePlaceholder', values: { placeholder: '{file}' } });
    expect(problemKeys(draft({ keyTemplate: '{sha256:2}.{ext}' }))).toStrictEqual({ keyTemplate: 'templateHash' });
    expect(problemKeys(draft({ keyTemplate: '{{literal}}/{sha256:8}.{ext}' }))).toStrictEqual({});
    expect(problemKeys(draft({ customDomain: 'files.example.com' }))).toStrictEqual({ customDomain: 'domainUrl' });
    expect(problemKeys(draft({ publicUrlTemplate: 'https://cdn.example.com/' }))).toStrictEqual({ publicUrlTemplate: 'publicUrlTemplate' });
    expect(problemKeys(draft({ publicUrlTemplate: 'https://cdn.example.com/{key}' }))).toStrictEqual({});
  });

  it('keeps link validity between one second and seven days', () => {
    expect(problemKeys(draft({ linkExpirySeconds: undefined }))).toStrictEqual({ linkExpirySeconds: 'expiry' });
    expect(problemKeys(draft({ linkExpirySeconds: 604_801 }))).toStrictEqual({ linkExpirySeconds: 'expiry' });
    expect(problemKeys(draft({ linkExpirySeconds: 604_800 }))).toStrictEqual({});
  });

  it('needs the secret for a new profile and for a changed key id, but not for other edits', () => {
    const edit: EditorMode = { kind: 'edit', original: profileView('prod', { accessKeyId: 'LTAI5tKey' }) };
    expect(problemKeys(draft({ secret: '' }))).toStrictEqual({ secret: 'secretNew' });
    expect(problemKeys(draft({ secret: '' }), edit)).toStrictEqual({});
    expect(problemKeys(draft({ secret: '', accessKeyId: 'LTAI5tOther' }), edit)).toStrictEqual({ secret: 'secretKeyChanged' });
    expect(problemKeys(draft({ secret: '', securityToken: 'CAIS...' }), edit)).toStrictEqual({ secret: 'tokenNeedsSecret' });
  });

  it('takes a token expiry only with a token', () => {
    expect(problemKeys(draft({ securityTokenExpiresAt: '2026-11-21T10:00' }))).toStrictEqual({ securityTokenExpiresAt: 'expiryNeedsToken' });
    expect(problemKeys(draft({ securityToken: 'CAIS...', securityTokenExpiresAt: '2026-11-21T10:00' }))).toStrictEqual({});
  });

  it('does not check the name of a profile being edited, which cannot change', () => {
    const edit: EditorMode = { kind: 'edit', original: profileView('old.Name') };
    expect(problemKeys(draft({ name: 'old.Name', accessKeyId: 'LTAI5tExampleKeyId', secret: '' }), edit)).toStrictEqual({});
  });
});
