/**
 * Where secrets live: a small key-value store of strings by account name, backed by the OS keychain (the
 * default), or, only when the user asks for it explicitly, a passphrase-encrypted file. Nothing here ever
 * falls back from one to the other: when a store cannot be used, it says so with a typed error and the fix.
 *
 * Secrets never appear in a message, a log line or an error raised here.
 */
import { DropsignError } from '../../shared/errors.js';

/** The keychain service name every Dropsign secret is stored under (the account names the profile). */
export const SECRET_SERVICE_NAME = 'Dropsign';

/** The kinds of store. `encrypted-file` is opt-in only (`--secret-store encrypted-file`). */
export type SecretStoreKind = 'keychain' | 'encrypted-file';

/** All store kinds, in the order they are offered. */
export const SECRET_STORE_KINDS: readonly SecretStoreKind[] = ['keychain', 'encrypted-file'];

/** Whether a store can be used now; when not, a plain explanation and what to do. */
export type SecretStoreStatus =
  | { readonly kind: 'available' }
  /** No keychain service at all (no Secret Service on the D-Bus session, no D-Bus, or no keychain module). */
  | { readonly kind: 'no-service'; readonly explanation: string; readonly fix: string }
  /** A keychain exists but is locked and cannot be unlocked from here. */
  | { readonly kind: 'locked'; readonly explanation: string; readonly fix: string };

/** A store of secret strings by account. Implementations never log or echo values. */
export interface SecretStore {
  /** Which kind of store this is. */
  readonly kind: SecretStoreKind | 'memory';
  /** What the store is, for messages: `the OS keychain`, `the encrypted file …`. */
  readonly description: string;
  /** Whether the store can be used now. Never throws. */
  status(): Promise<SecretStoreStatus>;
  /** The secret stored for `account`, or undefined when there is none. */
  get(account: string): Promise<string | undefined>;
  /** Stores (or replaces) the secret for `account`. */
  set(account: string, secret: string): Promise<void>;
  /** Deletes the secret for `account`; true when there was one. */
  delete(account: string): Promise<boolean>;
}

/** How to keep the secret elsewhere, added to every "no keychain" hint so the way out is never hidden. */
export const ENCRYPTED_FILE_ALTERNATIVE =
  'Or keep secrets in a passphrase-encrypted file instead, by asking for it explicitly: --secret-store encrypted-file.';

/** The typed error for a store that is not available. */
export function unavailableError(status: Exclude<SecretStoreStatus, { kind: 'available' }>): DropsignError {
  return new DropsignError(
    status.kind === 'locked' ? 'keychain-locked' : 'keychain-unavailable',
    status.explanation,
    `${status.fix} ${ENCRYPTED_FILE_ALTERNATIVE}`,
  );
}

/** Throws {@link unavailableError} unless `store` is available now. */
export async function requireAvailable(store: SecretStore): Promise<void> {
  const status = await store.status();
  if (status.kind !== 'available') throw unavailableError(status);
}
