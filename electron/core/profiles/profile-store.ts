/**
 * The stored profiles: `profiles.json` in the app data directory, a versioned document written atomically
 * (core/storage/atomic-json-file), mode 0600. It never holds a secret.
 *
 * `{"version":1,"data":{"defaultProfile":"prod","profiles":[{"name":"prod","provider":"oss",...}]}}`
 *
 * A damaged file, or one from a newer Dropsign, is moved aside (`profiles.json.corrupt-<time>`), reported
 * through `onNotice` with where it went, and the store starts empty: nothing is silently dropped, and the
 * secrets of those profiles stay in the keychain until the profiles are added again.
 */
import path from 'node:path';
import { DropsignError, type ErrorInfo } from '../../shared/errors.js';
import { AtomicJsonFile } from '../storage/atomic-json-file.js';
import { withFileLock } from '../storage/file-lock.js';
import { LOCAL_PROFILE_NAME, profilesDocumentSchema, type Profile, type ProfilesDocument } from './profile-schema.js';

/** The file's name in the app data directory. */
export const PROFILES_FILE_NAME = 'profiles.json';

/** The format version this code writes. */
export const PROFILES_FORMAT_VERSION = 1;

/** What the store holds. */
export interface ProfilesSnapshot {
  readonly profiles: readonly Profile[];
  /**
   * The default profile set with `profile default` (`local` when the built-in one was chosen explicitly);
   * undefined when none was set, which means the built-in `local` one.
   */
  readonly defaultProfile: string | undefined;
}

/** Options of {@link ProfileStore}. */
export interface ProfileStoreOptions {
  /** The file's path. */
  readonly path: string;
  /** Told when the file had to be set aside (say it to the user). */
  readonly onNotice?: (notice: ErrorInfo) => void;
  /** Clock for the set-aside name. */
  readonly now?: () => number;
}

const EMPTY: ProfilesDocument = { profiles: [] };

/**
 * See the module comment. Each change is one read, change and write, queued behind the previous one in
 * this process and holding the file's lock against other processes (the app, the tray and `dropsign
 * profile` may change profiles at the same moment; core/storage/file-lock.ts).
 */
export class ProfileStore {
  readonly #file: AtomicJsonFile<ProfilesDocument>;
  readonly #onNotice: (notice: ErrorInfo) => void;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ProfileStoreOptions) {
    this.#onNotice = options.onNotice ?? (() => undefined);
    this.#file = new AtomicJsonFile<ProfilesDocument>({
      path: options.path,
      version: PROFILES_FORMAT_VERSION,
      description: 'profile list',
      mode: 0o600,
      parse: (data) => profilesDocumentSchema.parse(data),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }

  /** The store of the app data directory `appDataDir`. */
  static inAppData(appDataDir: string, options: Omit<ProfileStoreOptions, 'path'> = {}): ProfileStore {
    return new ProfileStore({ ...options, path: path.join(appDataDir, PROFILES_FILE_NAME) });
  }

  /** The file's path. */
  get path(): string {
    return this.#file.path;
  }

  /** Every stored profile (in the order added) and the default. */
  async read(): Promise<ProfilesSnapshot> {
    const document = await this.#document();
    return { profiles: document.profiles, defaultProfile: validDefault(document, document.profiles) };
  }

  /** The stored profile `name`, or undefined. */
  async get(name: string): Promise<Profile | undefined> {
    return (await this.read()).profiles.find((profile) => profile.name === name);
  }

  /**
   * Adds `profile`, or replaces the one of the same name when `replace` is true; throws `profile-exists`
   * otherwise. Returns true when the profile became the default (the first one added becomes it).
   */
  save(profile: Profile, options: { readonly replace: boolean }): Promise<{ readonly becameDefault: boolean }> {
    return this.#change((document) => {
      const index = document.profiles.findIndex((p) => p.name === profile.name);
      if (index >= 0 && !options.replace) {
        throw new DropsignError(
          'profile-exists',
          `A profile named ${JSON.stringify(profile.name)} already exists.`,
          `Change it with dropsign profile add ${profile.name} --replace (unchanged fields are kept), or choose another name.`,
        );
      }
      const profiles = index >= 0 ? document.profiles.map((p, i) => (i === index ? profile : p)) : [...document.profiles, profile];
      const becameDefault = validDefault(document, profiles) === undefined;
      return { next: { profiles, defaultProfile: becameDefault ? profile.name : document.defaultProfile }, result: { becameDefault } };
    });
  }

  /** Removes `name`; says whether it existed and whether it was the default (the default then becomes `local`). */
  remove(name: string): Promise<{ readonly removed: boolean; readonly wasDefault: boolean }> {
    return this.#change((document) => {
      const profiles = document.profiles.filter((p) => p.name !== name);
      const removed = profiles.length !== document.profiles.length;
      const wasDefault = removed && document.defaultProfile === name;
      const next: ProfilesDocument = wasDefault || document.defaultProfile === undefined ? { profiles } : { profiles, defaultProfile: document.defaultProfile };
      return { next, result: { removed, wasDefault } };
    });
  }

  /** Makes `name` the default (`local` for the built-in one); throws `profile-not-found` for an unknown name. */
  setDefault(name: string): Promise<void> {
    return this.#change((document) => {
      if (name !== LOCAL_PROFILE_NAME && !document.profiles.some((p) => p.name === name)) throw notFound(name);
      return { next: { profiles: document.profiles, defaultProfile: name }, result: undefined };
    });
  }

  async #document(): Promise<ProfilesDocument> {
    const result = await this.#file.read();
    if (result.kind === 'ok') return result.value;
    if (result.kind === 'set-aside') this.#onNotice(result.error);
    return EMPTY;
  }

  /** Runs one read-change-write after the previous one, under the file's inter-process lock. */
  #change<T>(apply: (document: ProfilesDocument) => { readonly next: ProfilesDocument; readonly result: T }): Promise<T> {
    const run = this.#queue.then(() =>
      withFileLock(
        this.#file.path,
        async () => {
          const { next, result } = apply(await this.#document());
          await this.#file.write(next);
          return result;
        },
        { description: 'profile list' },
      ),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** The document's default when it names `local` or one of `profiles`; a stale name counts as none. */
function validDefault(document: ProfilesDocument, profiles: readonly Profile[]): string | undefined {
  const name = document.defaultProfile;
  return name !== undefined && (name === LOCAL_PROFILE_NAME || profiles.some((p) => p.name === name)) ? name : undefined;
}

/** The typed error for a profile name that is not stored. */
export function notFound(name: string): DropsignError {
  return new DropsignError(
    'profile-not-found',
    `There is no profile named ${JSON.stringify(name)}.`,
    'Run `dropsign profile list` to see the profiles, or add one with `dropsign profile add`.',
    { profile: name },
  );
}
