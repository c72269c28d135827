/**
 * Profiles as the contract carries them: everything but the secret. The secret goes one way only, in
 * `profiles:save` (and `profiles:import-apply`, from the user's own files), and no answer ever holds it:
 * a view says only whether one is stored.
 *
 * Request fields marked `?: T | undefined` may arrive as an explicit `undefined`; answers use plain `?:`.
 */
import type { ErrorInfo } from '../errors.js';
import type { AddressingStyle, SigningScheme } from '../signing.js';

/** Where the bucket is hosted: Alibaba Cloud OSS, or an S3-compatible store. */
export type ProviderName = 'oss' | 's3';

/** Which endpoint a profile uses; `public`, `internal` and `accelerate` follow from the region. */
export type ProfileEndpointView =
  | { readonly kind: 'public' }
  | { readonly kind: 'internal' }
  | { readonly kind: 'accelerate' }
  | { readonly kind: 'custom'; readonly url: string };

/** Where a profile's secret is kept: the OS keychain, or the passphrase-encrypted file the user chose. */
export type SecretStoreChoice = 'keychain' | 'encrypted-file';

/**
 * Whether a profile's secret is there: `stored`, `missing`, `built-in` (the local bucket's own key pair),
 * or `unknown` when the store could not be asked (keychain locked or absent, encrypted file not opened).
 */
export type ProfileSecretStatus = 'stored' | 'missing' | 'built-in' | 'unknown';

/** A profile's fields, as stored (no secret). */
export interface ProfileFields {
  readonly name: string;
  readonly provider: ProviderName;
  readonly scheme: SigningScheme;
  readonly region: string;
  readonly endpoint: ProfileEndpointView;
  readonly style: AddressingStyle;
  readonly bucket: string;
  readonly keyPrefix: string;
  readonly keyTemplate?: string;
  readonly customDomain?: string;
  readonly publicUrlTemplate?: string;
  /** Validity of share links made for uploads, in seconds. */
  readonly linkExpirySeconds: number;
  /** Names the key pair; not a secret. */
  readonly accessKeyId: string;
  readonly secretStore: SecretStoreChoice;
}

/** A profile as lists and forms show it. */
export interface ProfileView extends ProfileFields {
  /** The URL requests go to (the local bucket's running endpoint for `local`). */
  readonly endpointUrl: string;
  /** True for the built-in `local` profile, which cannot be changed or removed. */
  readonly builtIn: boolean;
  readonly isDefault: boolean;
  readonly secret: ProfileSecretStatus;
}

/** `profiles:list`. */
export interface ProfileList {
  /** The built-in `local` profile first, then the stored ones in the order added. */
  readonly profiles: readonly ProfileView[];
  readonly defaultProfile: string;
}

/** A profile to save. Absent fields take the defaults `dropsign profile add` uses. */
export interface ProfileInput {
  readonly name: string;
  readonly provider: ProviderName;
  /** Default: `oss-v4` for OSS, `s3-v4` for S3. */
  readonly scheme?: SigningScheme | undefined;
  readonly region: string;
  readonly endpoint: ProfileEndpointView;
  /** Default: `path` for IP-address endpoints, else `virtual-hosted`. */
  readonly style?: AddressingStyle | undefined;
  readonly bucket: string;
  readonly keyPrefix?: string | undefined;
  readonly keyTemplate?: string | undefined;
  readonly customDomain?: string | undefined;
  readonly publicUrlTemplate?: string | undefined;
  /** Default 3600. */
  readonly linkExpirySeconds?: number | undefined;
  readonly accessKeyId: string;
  /** Default `keychain`. */
  readonly secretStore?: SecretStoreChoice | undefined;
}

/** The secret half of the credentials. Write-only: it is stored, never returned. */
export interface SecretInput {
  readonly accessKeySecret: string;
  /** The STS token of temporary credentials. */
  readonly securityToken?: string | undefined;
  /** When the STS token expires, ISO 8601 UTC: lets links warn when they would outlive it. */
  readonly securityTokenExpiresAt?: string | undefined;
}

/**
 * `profiles:save`: a new profile (the secret is required), or with `replace` a changed one (all fields
 * as given; without `secret` the stored one is kept, moved if `secretStore` changed).
 */
export interface ProfileSaveRequest {
  readonly profile: ProfileInput;
  readonly secret?: SecretInput | undefined;
  readonly replace?: boolean | undefined;
}

/** Something a working profile should still tell the user. */
export interface ProfileWarningView {
  readonly code: 'mainland-custom-domain' | 'token-expired' | 'token-expiry-unknown' | 'clock-offset';
  readonly message: string;
  readonly hint: string;
}

/** What `profiles:save` did. */
export interface ProfileSaveResult {
  readonly profile: ProfileView;
  readonly created: boolean;
  /** True when it became the default (the first profile saved does). */
  readonly becameDefault: boolean;
  readonly warnings: readonly ProfileWarningView[];
}

/** What `profiles:remove` did (the profile and its secret). */
export interface ProfileRemoveResult {
  readonly removed: boolean;
  /** True when it was the default; the default is then `local`. */
  readonly wasDefault: boolean;
  readonly secretDeleted: boolean;
}

/** `profiles:test`: one signed ListObjects and its diagnosis. */
export type ProbeReportView = {
  readonly profile: string;
  readonly endpoint: string;
  /** `direct`, or the proxy the request went through. */
  readonly route: string;
  readonly warnings: readonly ProfileWarningView[];
} & (
  | { readonly ok: true; readonly elapsedMs: number; readonly requestId?: string; readonly clockOffsetMs?: number }
  | { readonly ok: false; readonly problem: ErrorInfo }
);

/** The tools whose settings `profiles:import-*` reads. */
export type ImportSourceName = 'ossutil' | 'aliyun' | 'aws' | 'env';

/** `profiles:import-preview`: where to look, and what to fill in when a source lacks it. */
export interface ImportPreviewRequest {
  /** One tool; all of them when absent. */
  readonly from?: ImportSourceName | undefined;
  /** The bucket for sources that do not name one. */
  readonly bucket?: string | undefined;
  /** The region for sources that do not name one (overrides theirs). */
  readonly region?: string | undefined;
  readonly secretStore?: SecretStoreChoice | undefined;
}

/** `profiles:import-apply`: the same as the preview, and which of its `ready` candidates to store. */
export interface ImportApplyRequest extends ImportPreviewRequest {
  readonly names: readonly string[];
}

/** One set of credentials found (never its secret). */
export interface ImportCandidateView {
  /** The profile name it would get. */
  readonly name: string;
  readonly source: ImportSourceName;
  /** Where it was found: a file and section, or the environment variable names. */
  readonly origin: string;
  readonly provider: ProviderName;
  readonly accessKeyId?: string;
  readonly hasSessionToken: boolean;
  readonly plan: { readonly kind: 'ready'; readonly profile: ProfileFields } | { readonly kind: 'skip'; readonly reason: string };
}

/** A settings file that exists but could not be read. */
export interface ImportProblemView {
  readonly source: ImportSourceName;
  readonly path: string;
  readonly message: string;
}

/** What `profiles:import-preview` found. Nothing is stored. */
export interface ImportPreview {
  readonly candidates: readonly ImportCandidateView[];
  readonly problems: readonly ImportProblemView[];
}

/** What `profiles:import-apply` stored. */
export interface ImportApplyResult {
  readonly imported: readonly { readonly name: string; readonly becameDefault: boolean }[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  /** For example: STS tokens imported without their expiry. */
  readonly warnings: readonly string[];
}
