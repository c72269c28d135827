/**
 * What a profile is: one destination (provider, signing scheme, region, endpoint, addressing style, bucket),
 * how keys and links are made there (key prefix and template, custom domain, public URL template, default
 * link expiry), and the access key id. The secret is never part of it: it lives in a secret store (the OS
 * keychain unless the user chose the encrypted file), keyed by the profile's name.
 *
 * The runtime schemas (zod) check what is read from `profiles.json`; profile-validate.ts adds the rules of
 * the signer (region, bucket and endpoint shapes), which need more than a schema can say.
 */
import { z } from 'zod';
import type { AddressingStyle, SigningScheme } from '../../shared/signing.js';
import type { SecretStoreKind } from '../secrets/secret-store.js';

/** The name of the built-in profile for the embedded local bucket (synthesised, never stored). */
export const LOCAL_PROFILE_NAME = 'local';

/**
 * Profile names: lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64
 * characters. Why so strict: the name is a keychain account, a CLI argument and a file-system-safe label,
 * and case-insensitive file systems and keychains must not see two profiles as one.
 */
export const PROFILE_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Where the bucket is hosted: Alibaba Cloud OSS, or an S3-compatible store (AWS S3, MinIO, ...). */
export type Provider = 'oss' | 's3';

/** All providers. */
export const PROVIDERS = ['oss', 's3'] as const satisfies readonly Provider[];

/** Which endpoint the profile uses. `public`, `internal` and `accelerate` are derived from the region. */
export type EndpointKind = 'public' | 'internal' | 'accelerate' | 'custom';

/** All endpoint kinds. */
export const ENDPOINT_KINDS = ['public', 'internal', 'accelerate', 'custom'] as const satisfies readonly EndpointKind[];

const SCHEMES = ['oss-v4', 'oss-v1', 's3-v4'] as const satisfies readonly SigningScheme[];
const STYLES = ['virtual-hosted', 'path', 'cname'] as const satisfies readonly AddressingStyle[];
const STORE_KINDS = ['keychain', 'encrypted-file'] as const satisfies readonly SecretStoreKind[];

/** The longest link validity: 7 days, the V4 maximum. */
export const MAX_LINK_EXPIRY_SECONDS = 604_800;

/** The default link validity: one hour, as ossutil and the OSS console default to. */
export const DEFAULT_LINK_EXPIRY_SECONDS = 3600;

/** The endpoint of a profile, as stored. */
export const profileEndpointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('public') }),
  z.object({ kind: z.literal('internal') }),
  z.object({ kind: z.literal('accelerate') }),
  z.object({ kind: z.literal('custom'), url: z.string().min(1) }),
]);

/** The endpoint of a profile. */
export type ProfileEndpoint = z.infer<typeof profileEndpointSchema>;

/** One profile, as stored in `profiles.json`. */
export const profileSchema = z.object({
  name: z.string().regex(PROFILE_NAME_PATTERN),
  provider: z.enum(PROVIDERS),
  scheme: z.enum(SCHEMES),
  /** Bare region id: `cn-hangzhou`, `us-east-1`. */
  region: z.string().min(1),
  endpoint: profileEndpointSchema,
  style: z.enum(STYLES),
  bucket: z.string().min(1),
  /** Prepended to every uploaded key (`uploads/`); empty for none. */
  keyPrefix: z.string().default(''),
  /** The key template of uploads (`{date}/{name}`); absent for the transfer engine's default. */
  keyTemplate: z.string().min(1).optional(),
  /** A custom domain bound to the bucket (`https://files.example.com`), used for share links. */
  customDomain: z.string().min(1).optional(),
  /** A public URL template for share links of public objects (`https://cdn.example.com/{key}`). */
  publicUrlTemplate: z.string().min(1).optional(),
  /** Default validity of share links, in seconds. */
  linkExpirySeconds: z.int().min(1).max(MAX_LINK_EXPIRY_SECONDS).default(DEFAULT_LINK_EXPIRY_SECONDS),
  /** The AccessKey ID (not a secret: it names the key, it does not prove anything). */
  accessKeyId: z.string().min(1),
  /** Where the secret is: the OS keychain, or the passphrase-encrypted file the user chose explicitly. */
  secretStore: z.enum(STORE_KINDS).default('keychain'),
});

/** One profile. */
export type Profile = z.infer<typeof profileSchema>;

/** The data of `profiles.json` (inside the versioned envelope of atomic-json-file). */
export const profilesDocumentSchema = z
  .object({
    /** The profile used when none is named; absent: the built-in `local` profile. */
    defaultProfile: z.string().optional(),
    profiles: z.array(profileSchema),
  })
  .superRefine((document, context) => {
    const seen = new Set<string>();
    for (const profile of document.profiles) {
      if (seen.has(profile.name) || profile.name === LOCAL_PROFILE_NAME) {
        context.addIssue({ code: 'custom', message: `duplicate or reserved profile name ${profile.name}` });
      }
      seen.add(profile.name);
    }
  });

/** The data of `profiles.json`. */
export type ProfilesDocument = z.infer<typeof profilesDocumentSchema>;

/** The default signing scheme of a provider: OSS V4 for OSS, SigV4 for S3-compatible stores. */
export function defaultScheme(provider: Provider): SigningScheme {
  return provider === 'oss' ? 'oss-v4' : 's3-v4';
}
