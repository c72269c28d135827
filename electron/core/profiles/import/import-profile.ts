/**
 * Turns an import candidate (a credential found in ossutil, the aliyun CLI, the AWS files or the environment)
 * into the profile to store, filling the defaults a person would pick, or says why it cannot be imported.
 * Shared by `dropsign profile import` and the app's import, so both import the same way.
 */
import { DEFAULT_LINK_EXPIRY_SECONDS, defaultScheme, type Profile, type ProfileEndpoint } from '../profile-schema.js';
import { validateProfile } from '../profile-validate.js';
import type { SecretStoreKind } from '../../secrets/secret-store.js';
import type { AddressingStyle } from '../../../shared/signing.js';
import type { ImportCandidate } from './import-candidate.js';

/** What the person said besides picking candidates: a bucket and region for sources that have none. */
export interface ImportChoices {
  readonly bucket?: string | undefined;
  readonly region?: string | undefined;
  readonly secretStore: SecretStoreKind;
}

/** The profile to store, or why not (`missing` names the choice the person must give). */
export type ImportedProfile =
  | { readonly kind: 'ready'; readonly profile: Profile }
  | { readonly kind: 'skip'; readonly reason: string; readonly missing?: 'bucket' | 'region' };

/** Builds and validates the profile for `candidate`; `taken` holds the names already in use. */
export function importedProfile(candidate: ImportCandidate, choices: ImportChoices, taken: ReadonlySet<string>): ImportedProfile {
  if (candidate.unusable !== undefined) return { kind: 'skip', reason: `cannot be imported: ${candidate.unusable}` };
  if (taken.has(candidate.suggestedName)) return { kind: 'skip', reason: 'a profile with this name exists already' };
  const bucket = candidate.bucket ?? choices.bucket;
  const region = choices.region ?? candidate.region;
  if (bucket === undefined) return { kind: 'skip', reason: 'no bucket in this source: give one', missing: 'bucket' };
  if (region === undefined) return { kind: 'skip', reason: 'no region in this source: give one', missing: 'region' };
  const endpoint = candidate.endpoint ?? { kind: 'public' as const };
  const profile = validateProfile({
    name: candidate.suggestedName,
    provider: candidate.provider,
    scheme: defaultScheme(candidate.provider),
    region,
    endpoint,
    style: candidate.style ?? defaultStyleFor(endpoint),
    bucket,
    keyPrefix: '',
    ...(candidate.customDomain === undefined ? {} : { customDomain: candidate.customDomain }),
    linkExpirySeconds: DEFAULT_LINK_EXPIRY_SECONDS,
    accessKeyId: candidate.accessKeyId,
    secretStore: choices.secretStore,
  });
  return { kind: 'ready', profile };
}

/** The default addressing style for an endpoint: path for IP addresses (MinIO, the local bucket), else virtual-hosted. */
export function defaultStyleFor(endpoint: ProfileEndpoint): AddressingStyle {
  return endpoint.kind === 'custom' && isIpHost(endpoint.url) ? 'path' : 'virtual-hosted';
}

/** Bare IPv4 and IPv6 hosts, which cannot take the bucket as a sub-domain. */
function isIpHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  } catch {
    return false;
  }
}
