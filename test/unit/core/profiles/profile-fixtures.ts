/**
 * Profiles and credentials shared by the profile tests (fake keys only).
 */
import type { Profile } from '../../../../electron/core/profiles/profile-schema.js';

/** A valid OSS profile to vary. */
export const PROD: Profile = {
  name: 'prod',
  provider: 'oss',
  scheme: 'oss-v4',
  region: 'cn-hangzhou',
  endpoint: { kind: 'public' },
  style: 'virtual-hosted',
  bucket: 'photos',
  keyPrefix: '',
  linkExpirySeconds: 3600,
  accessKeyId: 'LTAI5tExampleKeyId',
  secretStore: 'keychain',
};

/** A MinIO-style S3 profile. */
export const MINIO: Profile = {
  ...PROD,
  name: 'minio',
  provider: 's3',
  scheme: 's3-v4',
  region: 'us-east-1',
  endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' },
  style: 'path',
  bucket: 'dev',
  accessKeyId: 'minio-key',
};

/** A secret that must never appear in any output. */
export const SECRET = 'Pr0d+Secret/Value=NeverShown';
