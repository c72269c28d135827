/**
 * The secret stores of the app: the OS keychain (keytar) by default, and the passphrase-encrypted file
 * for the profiles that chose it, each made once and only when first needed.
 */
import path from 'node:path';
import { DropsignError } from '../../shared/errors.js';
import type { SecretStoreFor } from '../profiles/profile-credentials.js';
import { EncryptedFileSecretStore, ENCRYPTED_SECRETS_FILE_NAME, type PassphraseSource } from '../secrets/encrypted-file-secret-store.js';
import { KeytarSecretStore } from '../secrets/keytar-secret-store.js';
import type { SecretStore, SecretStoreKind } from '../secrets/secret-store.js';

import { PASSPHRASE_VARIABLE } from '../secrets/encrypted-file-secret-store.js';

export { PASSPHRASE_VARIABLE };

/** What the default stores need. */
export interface DefaultSecretStoresOptions {
  readonly appDataDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks the user for the encrypted file's passphrase (a dialog in main). Default: the environment variable only. */
  readonly passphrase?: PassphraseSource;
}

/** The passphrase from the environment, or a typed error saying how to give one. */
function passphraseFromEnv(env: Readonly<Record<string, string | undefined>>): PassphraseSource {
  return () => {
    const value = env[PASSPHRASE_VARIABLE];
    if (value !== undefined && value !== '') return Promise.resolve(value);
    return Promise.reject(
      new DropsignError(
        'secret-input-unavailable',
        'The encrypted secret store needs its passphrase, and this app has no way to ask for it.',
        `Start Dropsign with ${PASSPHRASE_VARIABLE} set, or keep this profile's secret in the OS keychain.`,
      ),
    );
  };
}

/** The stores, made lazily: keytar is only loaded when a keychain secret is first needed. */
export function defaultSecretStores(options: DefaultSecretStoresOptions): SecretStoreFor {
  const stores = new Map<SecretStoreKind, SecretStore>();
  return (kind) => {
    let store = stores.get(kind);
    if (store === undefined) {
      store =
        kind === 'keychain'
          ? new KeytarSecretStore()
          : new EncryptedFileSecretStore({
              path: path.join(options.appDataDir, ENCRYPTED_SECRETS_FILE_NAME),
              passphrase: options.passphrase ?? passphraseFromEnv(options.env),
            });
      stores.set(kind, store);
    }
    return store;
  };
}
