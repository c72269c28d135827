/**
 * A {@link SecretStore} in memory, for unit tests only: it forgets everything when the process ends, which
 * is exactly what a real user must never get by accident, so nothing in the product constructs one.
 */
import { unavailableError, type SecretStore, type SecretStoreStatus } from './secret-store.js';

/** See the module comment. `status` can be forced, to test how callers handle a missing or locked keychain. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory' as const;
  readonly description: string;
  readonly entries = new Map<string, string>();
  #status: SecretStoreStatus;

  /** `description` lets a test store stand in for the keychain in messages. */
  constructor(status: SecretStoreStatus = { kind: 'available' }, description = 'an in-memory test store') {
    this.#status = status;
    this.description = description;
  }

  /** Makes the store behave as available, missing or locked from now on. */
  setStatus(status: SecretStoreStatus): void {
    this.#status = status;
  }

  async status(): Promise<SecretStoreStatus> {
    return this.#status;
  }

  async get(account: string): Promise<string | undefined> {
    this.#check();
    return this.entries.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    this.#check();
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.#check();
    return this.entries.delete(account);
  }

  #check(): void {
    if (this.#status.kind !== 'available') throw unavailableError(this.#status);
  }
}
