/**
 * What an importer found in another tool's settings: one set of credentials and whatever destination
 * settings came with it, not yet stored. The secret is kept behind a function, so printing, logging or
 * serialising a candidate never shows it; only the code that stores it after the user said yes calls it.
 */
import type { AddressingStyle } from '../../../shared/signing.js';
import type { StoredSecret } from '../../secrets/stored-secret.js';
import type { ProfileEndpoint, Provider } from '../profile-schema.js';

/** The tools Dropsign imports from. */
export type ImportSource = 'ossutil' | 'aliyun' | 'aws' | 'env';

/** All import sources, in the order they are searched. */
export const IMPORT_SOURCES: readonly ImportSource[] = ['ossutil', 'aliyun', 'aws', 'env'];

/** One set of credentials found. */
export interface ImportCandidate {
  readonly source: ImportSource;
  /** Where it was found: `/home/me/.ossutilconfig [Credentials]`, `environment (OSS_ACCESS_KEY_ID, ...)`. */
  readonly origin: string;
  /** A profile name for it (`ossutil-default`, `aws-minio`, `env-oss`). */
  readonly suggestedName: string;
  readonly provider: Provider;
  readonly accessKeyId?: string;
  readonly region?: string;
  readonly endpoint?: ProfileEndpoint;
  readonly style?: AddressingStyle;
  readonly bucket?: string;
  readonly customDomain?: string;
  /** True when the credentials are temporary (an STS token came with them). */
  readonly hasSessionToken: boolean;
  /** Why these credentials cannot be imported (no secret, a role to assume, ...); absent when they can. */
  readonly unusable?: string;
  /** The secret; undefined when none was found. See the module comment. */
  readonly secret: () => StoredSecret | undefined;
}

/** A settings file that exists but could not be read or parsed. */
export interface ImportProblem {
  readonly source: ImportSource;
  readonly path: string;
  readonly message: string;
}

/** Everything the importers found. */
export interface ImportScan {
  readonly candidates: readonly ImportCandidate[];
  readonly problems: readonly ImportProblem[];
}

/** A usable profile name from a tool's own name for a set of credentials (`My Profile` → `my-profile`). */
export function profileNameFrom(prefix: string, name: string): string {
  const cleaned = `${prefix}-${name}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/-+$/, '');
  // Why 64: the longest profile name (PROFILE_NAME_PATTERN).
  return cleaned.slice(0, 64) || prefix;
}

/** The secret of a candidate, from what was found (an empty token counts as none). */
export function secretOf(accessKeySecret: string | undefined, securityToken: string | undefined): () => StoredSecret | undefined {
  const secret = accessKeySecret === undefined || accessKeySecret === '' ? undefined : accessKeySecret;
  const token = securityToken === undefined || securityToken === '' ? undefined : securityToken;
  return () => (secret === undefined ? undefined : { accessKeySecret: secret, ...(token === undefined ? {} : { securityToken: token }) });
}

/** A string setting, trimmed; undefined when absent or blank. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
