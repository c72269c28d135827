/**
 * A {@link SecretStore} in one passphrase-encrypted file, for machines without an OS keychain. It is used
 * only when the user asks for it explicitly (`--secret-store encrypted-file`); Dropsign never falls back to
 * it, nor to anything in plain text, on its own.
 *
 * File (`secrets.enc.json`, mode 0600, written atomically through core/storage/atomic-json-file):
 * `{"version":1,"data":{"kdf":{"algorithm":"scrypt","N":131072,"r":8,"p":1},"verifier":SEALED,"entries":{"profile:NAME":SEALED}}}`
 * where SEALED is `{salt,nonce,ciphertext,tag}` in base64 (see sealed-box.ts): every entry has its own salt
 * and nonce. The verifier seals a fixed text, so a wrong passphrase (`wrong-passphrase`) is told apart from a
 * damaged or tampered entry (`secret-file-damaged`). Account names are visible; values are not.
 */
import { z } from 'zod';
import { DropsignError } from '../../shared/errors.js';
import { AtomicJsonFile } from '../storage/atomic-json-file.js';
import { acceptableKdfParams, DEFAULT_KDF_PARAMS, seal, unseal, type KdfParams, type SealedValue } from './sealed-box.js';
import type { SecretStore, SecretStoreStatus } from './secret-store.js';

/** The file's name in the app data directory. */
export const ENCRYPTED_SECRETS_FILE_NAME = 'secrets.enc.json';

/** What the passphrase is asked for: to create the file (ask twice) or to open it. */
export interface PassphraseRequest {
  readonly creating: boolean;
}

/** Supplies the passphrase (a hidden prompt, or an environment variable in scripts). */
export type PassphraseSource = (request: PassphraseRequest) => Promise<string>;

/** Options of {@link EncryptedFileSecretStore}. */
export interface EncryptedFileSecretStoreOptions {
  readonly path: string;
  readonly passphrase: PassphraseSource;
  /** KDF cost of a new file. Default {@link DEFAULT_KDF_PARAMS}; tests pass a cheap one. */
  readonly kdfParams?: KdfParams;
  /** Clock for the set-aside name of a damaged file. */
  readonly now?: () => number;
}

const sealedSchema = z.object({ salt: z.string(), nonce: z.string(), ciphertext: z.string(), tag: z.string() });
const documentSchema = z.object({
  kdf: z.object({ algorithm: z.literal('scrypt'), N: z.int(), r: z.int(), p: z.int() }),
  verifier: sealedSchema,
  entries: z.record(z.string(), sealedSchema),
});
type SecretsDocument = z.infer<typeof documentSchema>;

/** The format version written. */
const FORMAT_VERSION = 1;
/** The account name of the verifier (not a valid profile account, so it cannot clash). */
const VERIFIER_ACCOUNT = '#verifier';
/** The text the verifier seals. */
const VERIFIER_TEXT = 'dropsign-secrets';

/** What every sealed value is bound to besides its account: the format and the KDF parameters. */
function associatedData(params: KdfParams, account: string): string {
  return `dropsign-secrets:${FORMAT_VERSION}:scrypt:${params.N}:${params.r}:${params.p}:${account}`;
}

/** See the module comment. */
export class EncryptedFileSecretStore implements SecretStore {
  readonly kind = 'encrypted-file' as const;
  readonly description: string;
  readonly #file: AtomicJsonFile<SecretsDocument>;
  readonly #options: EncryptedFileSecretStoreOptions;
  /** The passphrase, once it has opened (or created) the file. */
  #passphrase: string | undefined;

  constructor(options: EncryptedFileSecretStoreOptions) {
    this.#options = options;
    this.description = `the encrypted file ${options.path}`;
    this.#file = new AtomicJsonFile<SecretsDocument>({
      path: options.path,
      version: FORMAT_VERSION,
      description: 'encrypted secret store',
      mode: 0o600,
      parse: (data) => {
        const document = documentSchema.parse(data);
        if (!acceptableKdfParams(document.kdf)) throw new Error('KDF parameters out of range');
        return document;
      },
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }

  /** Always available: the passphrase is asked for when a secret is read or written. */
  status(): Promise<SecretStoreStatus> {
    return Promise.resolve({ kind: 'available' });
  }

  async get(account: string): Promise<string | undefined> {
    const document = await this.#read();
    const sealed = document?.entries[account];
    if (document === undefined || sealed === undefined) return undefined;
    const passphrase = await this.#unlock(document);
    const value = await unseal(passphrase, sealed, associatedData(document.kdf, account), document.kdf);
    if (value === undefined) throw this.#damaged(`The entry ${JSON.stringify(account)} does not decrypt, although the passphrase is right: it was changed or damaged.`);
    return value;
  }

  async set(account: string, secret: string): Promise<void> {
    const existing = await this.#read();
    const document = existing ?? (await this.#create());
    const passphrase = await this.#unlock(document);
    const sealed = await seal(passphrase, secret, associatedData(document.kdf, account), document.kdf);
    await this.#file.write({ ...document, entries: { ...document.entries, [account]: sealed } });
  }

  /** Deletes without the passphrase: removing an entry reveals nothing, and the file is the user's own. */
  async delete(account: string): Promise<boolean> {
    const document = await this.#read();
    if (document === undefined || document.entries[account] === undefined) return false;
    const entries = Object.fromEntries(Object.entries(document.entries).filter(([name]) => name !== account));
    await this.#file.write({ ...document, entries });
    return true;
  }

  /** The document, or undefined when there is no file yet. A damaged file is set aside and reported. */
  async #read(): Promise<SecretsDocument | undefined> {
    const result = await this.#file.read();
    if (result.kind === 'ok') return result.value;
    if (result.kind === 'missing') return undefined;
    throw new DropsignError('secret-file-damaged', result.error.message, result.error.hint, result.error.details);
  }

  /** A new document: asks for the passphrase (as a new one) and seals the verifier. */
  async #create(): Promise<SecretsDocument> {
    const params = this.#options.kdfParams ?? DEFAULT_KDF_PARAMS;
    const passphrase = await this.#ask(true);
    const verifier: SealedValue = await seal(passphrase, VERIFIER_TEXT, associatedData(params, VERIFIER_ACCOUNT), params);
    this.#passphrase = passphrase;
    return { kdf: { algorithm: 'scrypt', N: params.N, r: params.r, p: params.p }, verifier, entries: {} };
  }

  /** The passphrase, checked against the verifier; throws `wrong-passphrase` when it does not open it. */
  async #unlock(document: SecretsDocument): Promise<string> {
    if (this.#passphrase !== undefined) return this.#passphrase;
    const passphrase = await this.#ask(false);
    const check = await unseal(passphrase, document.verifier, associatedData(document.kdf, VERIFIER_ACCOUNT), document.kdf);
    if (check !== VERIFIER_TEXT) {
      throw new DropsignError(
        'wrong-passphrase',
        `The passphrase does not open ${this.description}.`,
        'Type the passphrase again (it is case-sensitive); if it is lost, remove the file and add the profiles again.',
        { path: this.#options.path },
      );
    }
    this.#passphrase = passphrase;
    return passphrase;
  }

  async #ask(creating: boolean): Promise<string> {
    const passphrase = await this.#options.passphrase({ creating });
    if (passphrase === '') {
      throw new DropsignError('wrong-passphrase', 'An empty passphrase cannot protect the secret store.', 'Choose a passphrase of several words.');
    }
    return passphrase;
  }

  #damaged(message: string): DropsignError {
    return new DropsignError(
      'secret-file-damaged',
      message,
      `Add the affected profile's secret again (dropsign profile add NAME --replace), or restore ${this.#options.path} from a backup.`,
      { path: this.#options.path },
    );
  }
}

/** The environment variable that opens the encrypted secret store without a prompt (scripts, CI). */
export const PASSPHRASE_VARIABLE = 'DROPSIGN_SECRETS_PASSPHRASE';
