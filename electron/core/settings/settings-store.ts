/**
 * The user's settings: `settings.json` in the app data directory, a versioned document written atomically
 * (core/storage/atomic-json-file), validated with the contract's schemas.
 *
 * `{"version":1,"data":{"concurrency":4,"multipartThreshold":67108864,...}}`
 *
 * Reading is forgiving field by field: a missing field (a file from an older Dropsign) or one with a bad
 * value (edited by hand) takes its default while the others are kept; a file that is not a settings
 * document at all, or comes from a newer Dropsign, is moved aside and reported through `onNotice`, and
 * the defaults (electron/shared/ipc/settings.ts) apply. Writing is strict: a change is checked whole
 * before anything touches the disk.
 */
import path from 'node:path';
import { z } from 'zod';
import { DropsignError, type ErrorInfo } from '../../shared/errors.js';
import { settingsFieldSchemas, settingsPatchSchema, settingsSchema } from '../../shared/ipc/schemas.js';
import { DEFAULT_SETTINGS, type AppSettings, type SettingsPatch } from '../../shared/ipc/settings.js';
import { AtomicJsonFile } from '../storage/atomic-json-file.js';

/** The file's name in the app data directory. */
export const SETTINGS_FILE_NAME = 'settings.json';

/** The format version this code writes. */
export const SETTINGS_FORMAT_VERSION = 1;

/** Reads a stored document: each field its schema, else its default; unknown fields are dropped. */
const storedSettingsSchema = z.object({
  concurrency: settingsFieldSchemas.concurrency.catch(DEFAULT_SETTINGS.concurrency),
  multipartThreshold: settingsFieldSchemas.multipartThreshold.catch(DEFAULT_SETTINGS.multipartThreshold),
  partSize: settingsFieldSchemas.partSize.catch(DEFAULT_SETTINGS.partSize),
  defaultLinkExpirySeconds: settingsFieldSchemas.defaultLinkExpirySeconds.catch(DEFAULT_SETTINGS.defaultLinkExpirySeconds),
  copyLinkOnFinish: settingsFieldSchemas.copyLinkOnFinish.catch(DEFAULT_SETTINGS.copyLinkOnFinish),
  notifications: settingsFieldSchemas.notifications.catch(DEFAULT_SETTINGS.notifications),
  globalShortcut: settingsFieldSchemas.globalShortcut.catch(DEFAULT_SETTINGS.globalShortcut),
  theme: settingsFieldSchemas.theme.catch(DEFAULT_SETTINGS.theme),
  language: settingsFieldSchemas.language.catch(DEFAULT_SETTINGS.language),
  uploadProfile: settingsFieldSchemas.uploadProfile.catch(DEFAULT_SETTINGS.uploadProfile),
  uploadPrefix: settingsFieldSchemas.uploadPrefix.catch(DEFAULT_SETTINGS.uploadPrefix),
}) satisfies z.ZodType<AppSettings>;

/** Options of {@link SettingsStore}. */
export interface SettingsStoreOptions {
  readonly path: string;
  /** Told when the file had to be set aside. */
  readonly onNotice?: (notice: ErrorInfo) => void;
  /** Clock for the set-aside name. */
  readonly now?: () => number;
}

/** See the module comment. Reads once, then serves from memory; changes are serialised. */
export class SettingsStore {
  readonly #file: AtomicJsonFile<AppSettings>;
  readonly #onNotice: (notice: ErrorInfo) => void;
  #current: Promise<AppSettings> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: SettingsStoreOptions) {
    this.#onNotice = options.onNotice ?? (() => undefined);
    this.#file = new AtomicJsonFile<AppSettings>({
      path: options.path,
      version: SETTINGS_FORMAT_VERSION,
      description: 'settings file',
      // Why 0o600: settings are not secret, but the app data directory's files are private by default.
      mode: 0o600,
      parse: (data) => storedSettingsSchema.parse(data),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }

  /** The store of the app data directory `appDataDir`. */
  static inAppData(appDataDir: string, options: Omit<SettingsStoreOptions, 'path'> = {}): SettingsStore {
    return new SettingsStore({ ...options, path: path.join(appDataDir, SETTINGS_FILE_NAME) });
  }

  /** The file's path. */
  get path(): string {
    return this.#file.path;
  }

  /** The current settings (the defaults when none were saved). */
  read(): Promise<AppSettings> {
    this.#current ??= this.#load();
    return this.#current;
  }

  /**
   * Applies `patch` (fields left out or `undefined` keep their values), checks the result whole, writes
   * it, and returns it. Throws `invalid-argument` naming the field for a value out of range.
   */
  update(patch: SettingsPatch): Promise<AppSettings> {
    const run = this.#queue.then(async () => {
      const checkedPatch = settingsPatchSchema.safeParse(patch);
      if (!checkedPatch.success) throw invalidSetting(checkedPatch.error.issues[0]);
      const checked = settingsSchema.safeParse({ ...(await this.read()), ...definedFields(checkedPatch.data) });
      if (!checked.success) throw invalidSetting(checked.error.issues[0]);
      const next: AppSettings = checked.data;
      await this.#file.write(next);
      this.#current = Promise.resolve(next);
      return next;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #load(): Promise<AppSettings> {
    const result = await this.#file.read();
    if (result.kind === 'ok') return result.value;
    if (result.kind === 'set-aside') this.#onNotice(result.error);
    return DEFAULT_SETTINGS;
  }
}

/** The patch without the fields given as `undefined`. */
function definedFields(patch: SettingsPatch): Partial<AppSettings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<AppSettings>;
}

function invalidSetting(issue: { readonly path: readonly PropertyKey[]; readonly message: string } | undefined): DropsignError {
  const field = issue?.path.map(String).join('.') || 'settings';
  return new DropsignError(
    'invalid-argument',
    `The setting ${field} is not valid: ${issue?.message ?? 'unknown problem'}.`,
    'Choose a value within the range the settings page shows.',
    { field },
  );
}
