/**
 * What the app says about itself over the contract: version, platform, which face is talking, whether
 * the OS keychain can be used, where the embedded local bucket runs, and notices for toasts.
 */
import type { ErrorCode, ErrorInfo } from '../errors.js';

/** Which host serves the renderer: the Electron app, or browser mode (the loopback web host). */
export type AppFace = 'desktop' | 'browser';

/** Whether the OS keychain can hold secrets now; when not, why and what to do. */
export type KeychainStatus =
  | { readonly kind: 'available' }
  | { readonly kind: 'no-service' | 'locked'; readonly explanation: string; readonly fix: string };

/** The embedded local bucket (the built-in `local` profile's server). */
export type LocalBucketStatus =
  /** Serving on `endpoint`; `preferredPortTaken` when its usual port was busy and another one was used. */
  | { readonly kind: 'running'; readonly endpoint: string; readonly bucket: string; readonly preferredPortTaken: boolean }
  /** Not started by this host (turned off in its options). */
  | { readonly kind: 'off' }
  /** It could not start (another Dropsign may hold its data directory); the `local` profile uses its usual port. */
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

/** How loud a notice is: a toast, a warning toast, or an error toast. */
export type NoticeLevel = 'info' | 'warning' | 'error';

/** Something the user should hear about that no request asked for: a damaged file set aside, a failed start. */
export interface Notice {
  readonly level: NoticeLevel;
  /** The error code behind it, when there is one. */
  readonly code?: ErrorCode;
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
}

/** `app:info`: everything the shell shows about the running app. */
export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** `process.platform` of the host: `linux`, `darwin`, `win32`. */
  readonly platform: string;
  readonly face: AppFace;
  /** The app data directory (profiles, queue, history, local bucket). A path, never a secret. */
  readonly dataDir: string;
  readonly keychain: KeychainStatus;
  readonly localBucket: LocalBucketStatus;
  /** The profile used when none is named (`local` when none was chosen). */
  readonly defaultProfile: string;
  /**
   * The latest notices (damaged files set aside at start, a local bucket that did not start...), oldest
   * first, so a window that opens late sees what it missed.
   */
  readonly notices: readonly Notice[];
}
