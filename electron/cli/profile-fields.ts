/**
 * The profile fields of `dropsign profile add` (and `import`) as flags, and how they make a profile: a new
 * one from the flags and the defaults, or a changed one (`--replace`) from the existing profile with only
 * the given flags changed. An empty value (`--prefix ""`) clears an optional field.
 */
import { defaultStyleFor } from '../core/profiles/import/import-profile.js';
import { endpointUrl, parseEndpointValue } from '../core/profiles/profile-endpoint.js';
import {
  DEFAULT_LINK_EXPIRY_SECONDS,
  defaultScheme,
  PROVIDERS,
  type Profile,
} from '../core/profiles/profile-schema.js';
import { SECRET_STORE_KINDS } from '../core/secrets/secret-store.js';
import { DropsignError } from '../shared/errors.js';
import { ADDRESSING_STYLES, SIGNING_SCHEMES } from '../shared/signing.js';
import { parseDurationSeconds } from './duration.js';
import { oneOf } from './profile-args.js';
import type { FlagValues } from './parse-args.js';

/** The flags that set profile fields. */
export const PROFILE_FIELD_FLAGS = {
  provider: { type: 'string' },
  scheme: { type: 'string' },
  region: { type: 'string' },
  bucket: { type: 'string' },
  endpoint: { type: 'string' },
  style: { type: 'string' },
  'access-key-id': { type: 'string' },
  prefix: { type: 'string' },
  'key-template': { type: 'string' },
  'custom-domain': { type: 'string' },
  'public-url-template': { type: 'string' },
  'link-expiry': { type: 'string' },
  'secret-store': { type: 'string' },
} as const;

/** Parsed profile field flags. */
export type ProfileFieldValues = FlagValues<typeof PROFILE_FIELD_FLAGS>;

/** The help text of those flags. */
export const PROFILE_FIELD_USAGE = `  --provider oss|s3                  Alibaba Cloud OSS (default) or an S3-compatible store.
  --scheme oss-v4|oss-v1|s3-v4       Signing scheme. Default: oss-v4 for oss, s3-v4 for s3.
  --region REGION                    The bucket's region id (cn-hangzhou, us-east-1). Required.
  --bucket BUCKET                    Required.
  --endpoint public|internal|accelerate|URL
                                     public (default), internal (same-region ECS, OSS only),
                                     accelerate, or a URL (MinIO, a custom domain with --style cname).
  --style virtual-hosted|path|cname  Bucket addressing. Default: virtual-hosted (path for IP endpoints).
  --access-key-id ID                 The AccessKey ID (asked for when missing). Not a secret.
  --prefix PREFIX                    Prepended to uploaded keys (uploads/). Default: none.
  --key-template TEMPLATE            Upload key template ({date}/{name}). Default: {path}.
  --custom-domain URL                Custom domain bound to the bucket, for share links.
  --public-url-template URL          Public links for public objects (https://cdn.example.com/{key}).
  --link-expiry DURATION             Default share-link validity (3600, 15m, 1h, 7d). Default: 1h.
  --secret-store keychain|encrypted-file
                                     Where the secret goes: the OS keychain (default) or, only when
                                     asked for, a passphrase-encrypted file in the app data directory
                                     (passphrase from a prompt or DROPSIGN_SECRETS_PASSPHRASE).
`;


/** An optional field: unchanged when the flag is absent, cleared by an empty value. */
function optional<K extends string>(key: K, flag: string | undefined, current: string | undefined): Partial<Record<K, string>> {
  const value = flag === undefined ? current : flag.trim() === '' ? undefined : flag.trim();
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
}

/**
 * The profile the flags describe, before validation: `existing` with the given flags changed, or a new
 * profile (which needs `--region` and `--bucket`). `accessKeyId` comes from the flag, the existing profile,
 * or `askedKeyId` (the caller prompts for it).
 */
export function profileFromFlags(name: string, flags: ProfileFieldValues, existing: Profile | undefined, askedKeyId?: string): Record<string, unknown> {
  if (existing === undefined) {
    for (const required of ['region', 'bucket'] as const) {
      if (flags[required] === undefined) {
        throw new DropsignError('missing-argument', `Missing required option --${required}.`, 'Run `dropsign profile --help` for the options.', { flag: required });
      }
    }
  }
  const provider = flags.provider === undefined ? (existing?.provider ?? 'oss') : oneOf('--provider', flags.provider, PROVIDERS);
  const providerChanged = existing !== undefined && existing.provider !== provider;
  const scheme =
    flags.scheme !== undefined
      ? oneOf('--scheme', flags.scheme, SIGNING_SCHEMES)
      : existing !== undefined && !providerChanged
        ? existing.scheme
        : defaultScheme(provider);
  const endpoint = flags.endpoint === undefined ? (existing?.endpoint ?? { kind: 'public' as const }) : parseEndpointValue(flags.endpoint);
  const style = flags.style !== undefined ? oneOf('--style', flags.style, ADDRESSING_STYLES) : flags.endpoint === undefined && existing !== undefined ? existing.style : defaultStyleFor(endpoint);
  const linkExpirySeconds =
    flags['link-expiry'] === undefined ? (existing?.linkExpirySeconds ?? DEFAULT_LINK_EXPIRY_SECONDS) : parseDurationSeconds(flags['link-expiry'], '--link-expiry');
  const secretStore = flags['secret-store'] === undefined ? (existing?.secretStore ?? 'keychain') : oneOf('--secret-store', flags['secret-store'], SECRET_STORE_KINDS);
  const accessKeyId = flags['access-key-id']?.trim() ?? existing?.accessKeyId ?? askedKeyId;
  return {
    name,
    provider,
    scheme,
    region: flags.region?.trim() ?? existing?.region,
    endpoint,
    style,
    bucket: flags.bucket?.trim() ?? existing?.bucket,
    keyPrefix: flags.prefix ?? existing?.keyPrefix ?? '',
    ...optional('keyTemplate', flags['key-template'], existing?.keyTemplate),
    ...optional('customDomain', flags['custom-domain'], existing?.customDomain),
    ...optional('publicUrlTemplate', flags['public-url-template'], existing?.publicUrlTemplate),
    linkExpirySeconds,
    accessKeyId,
    secretStore,
  };
}

/** `oss cn-hangzhou, bucket photos, https://oss-cn-hangzhou.aliyuncs.com`: one line about a profile. */
export function summarizeProfile(profile: Profile): string {
  return `${profile.provider} ${profile.region}, bucket ${profile.bucket}, ${endpointUrl(profile)}`;
}
