/**
 * A stored profile's secret in its secret store (the keychain, or the encrypted file the user chose):
 * read, write and delete, under the account `profile:NAME`.
 */
import { DropsignError } from '../../shared/errors.js';
import type { Credentials } from '../../shared/signing.js';
import { unavailableError, type SecretStore, type SecretStoreKind } from '../secrets/secret-store.js';
import { decodeStoredSecret, encodeStoredSecret, profileAccount, type StoredSecret } from '../secrets/stored-secret.js';
import type { Profile } from './profile-schema.js';

/** Credentials with the expiry of their STS token, when known. */
export type ProfileCredentials = Credentials & { readonly securityTokenExpiresAt?: string };

/** The store of each kind (the encrypted file is only ever built when a profile names it). */
export type SecretStoreFor = (kind: SecretStoreKind) => SecretStore;

/**
 * The profile's stored secret. Throws the store's typed error when it cannot be used (no keychain, locked,
 * wrong passphrase), and `secret-missing` when it works but holds nothing for the profile.
 */
export async function readProfileSecret(profile: Profile, stores: SecretStoreFor): Promise<StoredSecret> {
  const store = stores(profile.secretStore);
  const value = await store.get(profileAccount(profile.name));
  if (value !== undefined) return decodeStoredSecret(value, store.description);
  // A locked gnome-keyring answers reads with "nothing"; ask before claiming the secret is missing.
  const status = await store.status();
  if (status.kind !== 'available') throw unavailableError(status);
  throw new DropsignError(
    'secret-missing',
    `No secret is stored for profile ${JSON.stringify(profile.name)} in ${store.description}.`,
    `Enter it again: dropsign profile add ${profile.name} --replace (the other fields are kept).`,
    { profile: profile.name },
  );
}

/** The profile's full credentials: its access key id with the stored secret (and token). */
export async function readProfileCredentials(profile: Profile, stores: SecretStoreFor): Promise<ProfileCredentials> {
  const secret = await readProfileSecret(profile, stores);
  return {
    accessKeyId: profile.accessKeyId,
    accessKeySecret: secret.accessKeySecret,
    ...(secret.securityToken === undefined ? {} : { securityToken: secret.securityToken }),
    ...(secret.securityTokenExpiresAt === undefined ? {} : { securityTokenExpiresAt: secret.securityTokenExpiresAt }),
  };
}

/** Stores (or replaces) the profile's secret. */
export async function writeProfileSecret(profile: Profile, secret: StoredSecret, stores: SecretStoreFor): Promise<void> {
  await stores(profile.secretStore).set(profileAccount(profile.name), encodeStoredSecret(secret));
}

/** Deletes the profile's secret; true when there was one. */
export async function deleteProfileSecret(profile: Profile, stores: SecretStoreFor): Promise<boolean> {
  return stores(profile.secretStore).delete(profileAccount(profile.name));
}
