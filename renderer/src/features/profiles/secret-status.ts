/**
 * Where a profile's secret is, as the list says it: in the keychain, in the encrypted file (not opened
 * just to draw a list), missing, the local bucket's own key, or unknown because the keychain cannot be
 * asked (locked, or no Secret Service). Pure.
 */
import type { ProfileView } from '../../../../electron/shared/ipc/profile-types.js';
import type { profiles } from '../../i18n/locales/en/profiles.js';

/** A key of the `secretStatus` catalog. */
export type SecretStatusKey = keyof typeof profiles.secretStatus;

/** The status of `view`'s secret. */
export function secretStatusOf(view: Pick<ProfileView, 'secret' | 'secretStore'>): SecretStatusKey {
  switch (view.secret) {
    case 'built-in':
      return 'builtIn';
    case 'stored':
      return 'keychain';
    case 'missing':
      return 'missing';
    case 'unknown':
      return view.secretStore === 'encrypted-file' ? 'encryptedFile' : 'keychainUnknown';
  }
}
