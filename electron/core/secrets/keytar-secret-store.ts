/**
 * The OS keychain as a {@link SecretStore}, through keytar: the Secret Service (GNOME Keyring, KWallet) over
 * D-Bus on Linux, Keychain Services on macOS, the Credential Manager on Windows. Every entry is stored under
 * the service name `Dropsign`, keyed by account.
 *
 * keytar is loaded lazily with a dynamic import: a machine without libsecret (or without the native build)
 * gets a typed `keychain-unavailable` error when a secret is needed, not a crash at start-up, and commands
 * that need no secret never load it.
 */
import { DropsignError } from '../../shared/errors.js';
import { classifyKeychainError, describeKeychainFailure, moduleUnavailable, type KeychainProblem } from './keychain-diagnosis.js';
import { SECRET_SERVICE_NAME, unavailableError, type SecretStore, type SecretStoreStatus } from './secret-store.js';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Options; all for testing except `service`. */
export interface KeytarSecretStoreOptions {
  /** The service name. Default {@link SECRET_SERVICE_NAME}. */
  readonly service?: string;
  /** Loads keytar. Default: `import('keytar')`. */
  readonly load?: () => Promise<KeytarApi>;
  /** The platform, for the fix texts. */
  readonly platform?: NodeJS.Platform;
}

/**
 * The account `status()` writes and deletes to find out whether the keychain takes writes. Why a write: a
 * locked gnome-keyring answers reads with "not found" instead of an error, so only a write tells locked
 * from empty.
 */
export const STATUS_PROBE_ACCOUNT = '.dropsign-status-probe';

async function loadKeytar(): Promise<KeytarApi> {
  const module = (await import('keytar')) as { default?: KeytarApi } & Partial<KeytarApi>;
  // keytar is CommonJS: its functions arrive on `default` (and, through Node's detection, maybe also as names).
  const api = module.default ?? (module as KeytarApi);
  if (typeof api.getPassword !== 'function') throw new Error('keytar has no getPassword function');
  return api;
}

/** See the module comment. */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly description = 'the OS keychain';
  readonly #service: string;
  readonly #load: () => Promise<KeytarApi>;
  readonly #platform: NodeJS.Platform;
  #api: Promise<{ ok: true; api: KeytarApi } | { ok: false; problem: KeychainProblem }> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#service = options.service ?? SECRET_SERVICE_NAME;
    this.#load = options.load ?? loadKeytar;
    this.#platform = options.platform ?? process.platform;
  }

  /** Loads keytar once; a failure to load is remembered as a status, not thrown. */
  #module(): Promise<{ ok: true; api: KeytarApi } | { ok: false; problem: KeychainProblem }> {
    this.#api ??= this.#load().then(
      (api) => ({ ok: true as const, api }),
      (error: unknown) => ({ ok: false as const, problem: moduleUnavailable(error, this.#platform) }),
    );
    return this.#api;
  }

  async status(): Promise<SecretStoreStatus> {
    const loaded = await this.#module();
    if (!loaded.ok) return loaded.problem;
    try {
      await loaded.api.setPassword(this.#service, STATUS_PROBE_ACCOUNT, 'probe');
      await loaded.api.deletePassword(this.#service, STATUS_PROBE_ACCOUNT);
      return { kind: 'available' };
    } catch (error) {
      return (
        classifyKeychainError(error, this.#platform) ?? {
          kind: 'no-service',
          explanation: `The OS keychain refused a test write (${describeKeychainFailure(error)}).`,
          fix: 'Check that the keychain service is running and unlocked.',
        }
      );
    }
  }

  async get(account: string): Promise<string | undefined> {
    const value = await this.#call('read', (api) => api.getPassword(this.#service, account));
    return value ?? undefined;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.#call('store', (api) => api.setPassword(this.#service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.#call('delete', (api) => api.deletePassword(this.#service, account));
  }

  /** Runs one keytar call, turning every failure into a typed error (whose text never holds the secret). */
  async #call<T>(what: 'read' | 'store' | 'delete', run: (api: KeytarApi) => Promise<T>): Promise<T> {
    const loaded = await this.#module();
    if (!loaded.ok) throw unavailableError(loaded.problem);
    try {
      return await run(loaded.api);
    } catch (error) {
      const problem = classifyKeychainError(error, this.#platform);
      if (problem !== undefined) throw unavailableError(problem);
      throw new DropsignError(
        'keychain-failed',
        `The OS keychain could not ${what} the secret: ${describeKeychainFailure(error)}.`,
        'Check that the keychain service is running and unlocked, then try again.',
      );
    }
  }
}
