/**
 * What the profile commands (and `sign --profile`) run with: the app data directory, the profile store
 * (whose set-aside reports are printed as warnings), the secret stores and the terminal. Every edge is a
 * dependency, so commands are tested with a memory secret store and scripted prompts.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { appDataDir } from '../core/app-paths.js';
import { ProfileStore } from '../core/profiles/profile-store.js';
import type { ProfileContext } from '../core/profiles/resolve-profile.js';
import type { SecretStoreFor } from '../core/profiles/profile-credentials.js';
import type { KdfParams } from '../core/secrets/sealed-box.js';
import { EncryptedFileSecretStore, ENCRYPTED_SECRETS_FILE_NAME, type PassphraseRequest } from '../core/secrets/encrypted-file-secret-store.js';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store.js';
import type { SecretStore, SecretStoreKind } from '../core/secrets/secret-store.js';
import { DropsignError } from '../shared/errors.js';
import type { CliIo } from './io.js';
import { processTerminal, type Terminal } from './terminal.js';

import { PASSPHRASE_VARIABLE } from '../core/secrets/encrypted-file-secret-store.js';

export { PASSPHRASE_VARIABLE };

/** The injectable edges. Every field has a real default. */
export interface ProfileCliDeps {
  readonly terminal: () => Terminal;
  /** The OS keychain store. Default: keytar, service `Dropsign`. */
  readonly keychain: () => SecretStore;
  /** KDF cost of a new encrypted file (tests pass a cheap one). */
  readonly kdfParams?: KdfParams;
}

/** The real edges. */
export const DEFAULT_PROFILE_CLI_DEPS: ProfileCliDeps = {
  terminal: processTerminal,
  keychain: () => new KeytarSecretStore(),
};

/** One command run's view of profiles and secrets. */
export interface ProfileCli extends ProfileContext {
  readonly io: CliIo;
  readonly terminal: Terminal;
  /** Secrets this run has seen (typed, piped or read from a store), to scrub from any error output. */
  readonly seenSecrets: string[];
  /** Prints a warning line on stderr. */
  warn(message: string, hint?: string): void;
}

/** The user's home directory as the environment says (HOME, USERPROFILE), else the system's. */
export function homeDir(env: Readonly<Record<string, string | undefined>>): string {
  return env['HOME'] || env['USERPROFILE'] || homedir();
}

/** The app data directory for `io` (DROPSIGN_DATA_DIR overrides it). */
export function dataDirFor(io: CliIo): string {
  return appDataDir({ env: io.env, platform: process.platform, home: homeDir(io.env) });
}

/** Asks for the encrypted store's passphrase: from the environment, else a hidden prompt (twice when new). */
function passphraseSource(io: CliIo, terminal: () => Terminal, seen: string[]): (request: PassphraseRequest) => Promise<string> {
  return async ({ creating }) => {
    const fromEnv = io.env[PASSPHRASE_VARIABLE];
    if (fromEnv !== undefined && fromEnv !== '') {
      seen.push(fromEnv);
      return fromEnv;
    }
    const tty = terminal();
    if (!tty.interactive) {
      throw new DropsignError(
        'secret-input-unavailable',
        'The encrypted secret store needs its passphrase, and there is no terminal to ask it on.',
        `Set ${PASSPHRASE_VARIABLE} for scripts, or run the command in a terminal.`,
      );
    }
    const first = await tty.askSecret(creating ? 'New passphrase for the encrypted secret store: ' : 'Passphrase of the encrypted secret store: ');
    seen.push(first);
    if (creating && (await tty.askSecret('The same passphrase again: ')) !== first) {
      throw new DropsignError('wrong-passphrase', 'The two passphrases differ; nothing was stored.', 'Run the command again and type the same passphrase twice.');
    }
    return first;
  };
}

/** Builds the context of one run. */
export function openProfileCli(io: CliIo, deps: ProfileCliDeps = DEFAULT_PROFILE_CLI_DEPS): ProfileCli {
  const dir = dataDirFor(io);
  const seenSecrets: string[] = [];
  const warn = (message: string, hint?: string): void => io.err(`dropsign: warning: ${message}${hint === undefined ? '' : ` ${hint}`}\n`);
  let terminal: Terminal | undefined;
  const getTerminal = (): Terminal => (terminal ??= deps.terminal());
  const stores = new Map<SecretStoreKind, SecretStore>();
  const secretStores: SecretStoreFor = (kind) => {
    let store = stores.get(kind);
    if (store === undefined) {
      store =
        kind === 'keychain'
          ? deps.keychain()
          : new EncryptedFileSecretStore({
              path: path.join(dir, ENCRYPTED_SECRETS_FILE_NAME),
              passphrase: passphraseSource(io, getTerminal, seenSecrets),
              ...(deps.kdfParams === undefined ? {} : { kdfParams: deps.kdfParams }),
            });
      stores.set(kind, store);
    }
    return store;
  };
  return {
    io,
    appDataDir: dir,
    store: ProfileStore.inAppData(dir, { onNotice: (notice) => warn(notice.message, notice.hint) }),
    secretStores,
    get terminal() {
      return getTerminal();
    },
    seenSecrets,
    warn,
  };
}
