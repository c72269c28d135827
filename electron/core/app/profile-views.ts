/**
 * Between stored profiles and the contract: a profile as a view (everything but the secret, plus whether
 * one is stored), and a profile to save from the form's input (with the defaults `dropsign profile add`
 * uses). Reading a secret's presence never returns the secret anywhere.
 */
import { defaultStyleFor } from '../profiles/import/import-profile.js';
import type { ProfileFields, ProfileInput, ProfileSecretStatus, ProfileView } from '../../shared/ipc/profile-types.js';
import type { SecretStoreFor } from '../profiles/profile-credentials.js';
import { endpointUrl } from '../profiles/profile-endpoint.js';
import { DEFAULT_LINK_EXPIRY_SECONDS, defaultScheme, type Profile } from '../profiles/profile-schema.js';
import { profileAccount } from '../secrets/stored-secret.js';

/** A profile's fields as the contract carries them (the same shape; this keeps the two in step). */
export function fieldsOf(profile: Profile): ProfileFields {
  return {
    name: profile.name,
    provider: profile.provider,
    scheme: profile.scheme,
    region: profile.region,
    endpoint: profile.endpoint,
    style: profile.style,
    bucket: profile.bucket,
    keyPrefix: profile.keyPrefix,
    ...(profile.keyTemplate === undefined ? {} : { keyTemplate: profile.keyTemplate }),
    ...(profile.customDomain === undefined ? {} : { customDomain: profile.customDomain }),
    ...(profile.publicUrlTemplate === undefined ? {} : { publicUrlTemplate: profile.publicUrlTemplate }),
    linkExpirySeconds: profile.linkExpirySeconds,
    accessKeyId: profile.accessKeyId,
    secretStore: profile.secretStore,
  };
}

/** The view of `profile`. */
export function viewOf(profile: Profile, how: { readonly builtIn: boolean; readonly isDefault: boolean; readonly secret: ProfileSecretStatus }): ProfileView {
  return { ...fieldsOf(profile), endpointUrl: endpointUrl(profile), ...how };
}

/**
 * Whether the stored profile's secret is there. The encrypted file is not opened for this (that would ask
 * for its passphrase just to draw a list), so its profiles are `unknown`; so are keychain profiles when the
 * keychain cannot be asked.
 */
export async function secretStatus(profile: Profile, stores: SecretStoreFor): Promise<ProfileSecretStatus> {
  if (profile.secretStore !== 'keychain') return 'unknown';
  try {
    const store = stores('keychain');
    if ((await store.get(profileAccount(profile.name))) !== undefined) return 'stored';
    // A locked gnome-keyring answers reads with "nothing": ask before calling the secret missing.
    return (await store.status()).kind === 'available' ? 'missing' : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The profile to validate and store for the form's `input`, defaults filled in (not yet validated). */
export function profileFromInput(input: ProfileInput): Profile {
  return {
    name: input.name,
    provider: input.provider,
    scheme: input.scheme ?? defaultScheme(input.provider),
    region: input.region.trim(),
    endpoint: input.endpoint.kind === 'custom' ? { kind: 'custom', url: input.endpoint.url.trim() } : { kind: input.endpoint.kind },
    style: input.style ?? defaultStyleFor(input.endpoint),
    bucket: input.bucket.trim(),
    keyPrefix: input.keyPrefix ?? '',
    ...(input.keyTemplate === undefined ? {} : { keyTemplate: input.keyTemplate }),
    ...(input.customDomain === undefined ? {} : { customDomain: input.customDomain.trim() }),
    ...(input.publicUrlTemplate === undefined ? {} : { publicUrlTemplate: input.publicUrlTemplate.trim() }),
    linkExpirySeconds: input.linkExpirySeconds ?? DEFAULT_LINK_EXPIRY_SECONDS,
    accessKeyId: input.accessKeyId.trim(),
    secretStore: input.secretStore ?? 'keychain',
  };
}
