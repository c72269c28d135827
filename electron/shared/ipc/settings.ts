/**
 * The user's preferences (`settings:get` / `settings:set`): transfer tuning, link defaults, desktop
 * behaviour and appearance, with their limits and defaults. Pure data, so the renderer can show the
 * limits (slider ends) and main and the web host apply the values.
 *
 * Transfer settings reach the transfer engine when it (re)starts: at once when the queue is empty,
 * otherwise once it has been emptied (clear finished) or at the next start of the app.
 */

/** The colour scheme: follow the OS, or fixed. */
export type Theme = 'system' | 'light' | 'dark';

/** All themes. */
export const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Theme[];

/** The interface language. */
export type Language = 'en' | 'zh-CN';

/** All languages. */
export const LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly Language[];

/** Every preference. */
export interface AppSettings {
  /** Files uploading at once. */
  readonly concurrency: number;
  /** Files larger than this (bytes) go up in parts. */
  readonly multipartThreshold: number;
  /** Wished part size in bytes (grown for huge files). */
  readonly partSize: number;
  /** Default validity of links made with `links:create`, in seconds. */
  readonly defaultLinkExpirySeconds: number;
  /** Copy the share link to the clipboard when an upload finishes (desktop). */
  readonly copyLinkOnFinish: boolean;
  /** Show a system notification when uploads finish or fail (desktop). */
  readonly notifications: boolean;
  /** An Electron accelerator (`CommandOrControl+Shift+U`) for quick upload from the clipboard, or null for none. */
  readonly globalShortcut: string | null;
  readonly theme: Theme;
  readonly language: Language;
  /** Where dropped files go: a profile name, or null for the default profile (remembered from the last choice). */
  readonly uploadProfile: string | null;
  /** The key prefix for dropped files, or null for the profile's own prefix (remembered from the last choice). */
  readonly uploadPrefix: string | null;
}

/** `settings:set`: the fields to change; the others keep their values. */
export type SettingsPatch = { readonly [K in keyof AppSettings]?: AppSettings[K] | undefined };

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/** The bounds of the numeric settings (inclusive). */
export const SETTINGS_LIMITS = {
  /** Why 32: beyond it connection pools and servers' per-client limits push back (the engine's MAX_CONCURRENCY). */
  concurrency: { min: 1, max: 32 },
  /** Why 5 GiB: the largest single PUT OSS and S3 accept, so a file above the threshold is the only kind that can exceed it. */
  multipartThreshold: { min: 0, max: 5 * GIB },
  /**
   * Why 5 MiB at least: S3's smallest part (OSS allows 100 KiB), so one setting suits every profile; why
   * 5 GiB at most: the largest part either store accepts.
   */
  partSize: { min: 5 * MIB, max: 5 * GIB },
  /** Why 604800: seven days, the longest validity the V4 signatures allow. */
  defaultLinkExpirySeconds: { min: 1, max: 604_800 },
  /** Why 64: the longest accelerator (`CommandOrControl+Alt+Shift+PageDown`) is about half of it. */
  globalShortcutLength: { max: 64 },
} as const;

/** The settings of a new installation. */
export const DEFAULT_SETTINGS: AppSettings = {
  // Why 4: a few streams saturate a typical uplink; more compete (the engine's DEFAULT_CONCURRENCY).
  concurrency: 4,
  // Why 64 MiB: below it one PUT takes seconds, so redoing it costs little (the engine's default).
  multipartThreshold: 64 * MIB,
  // Why 8 MiB: above S3's minimum, little to resend after a failure (the engine's default).
  partSize: 8 * MIB,
  // Why one hour: what ossutil and the OSS console offer by default.
  defaultLinkExpirySeconds: 3600,
  copyLinkOnFinish: true,
  notifications: true,
  // None: a global shortcut takes a key combination from every other app, so the user opts in.
  globalShortcut: null,
  theme: 'system',
  language: 'en',
  uploadProfile: null,
  uploadPrefix: null,
};
