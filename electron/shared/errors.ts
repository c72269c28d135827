/**
 * Typed errors shared by every face of Dropsign (CLI, desktop, browser mode).
 *
 * Every failure a user can meet carries a stable `code`, a plain sentence (`message`) and what to do about
 * it (`hint`). Messages and details must never contain a secret (access key secret, session token,
 * signature): callers pass only values that are safe to print.
 */

/** Stable error codes, grouped by the part of the product that raises them. */
export type ErrorCode =
  // Generic input problems (CLI flags, IPC payloads).
  | 'invalid-argument'
  | 'missing-argument'
  // Signing requests.
  | 'invalid-scheme'
  | 'invalid-method'
  | 'invalid-endpoint'
  | 'invalid-style'
  | 'invalid-bucket'
  | 'invalid-key'
  | 'invalid-region'
  | 'missing-region'
  | 'invalid-expiry'
  | 'invalid-time'
  | 'invalid-header'
  | 'invalid-query'
  | 'missing-credentials'
  | 'invalid-credentials'
  // A secret given as a command-line option instead of through the environment.
  | 'credentials-in-arguments'
  // Local files.
  | 'file-not-found'
  | 'file-unreadable'
  // The local bucket as a process.
  | 'local-bucket-failed'
  // Transfers.
  // Scanning inputs: what a dropped path turned out to be.
  | 'file-vanished'
  | 'symlink-loop'
  | 'special-file'
  // Uploading: the source file changed size or modification time after it was queued or while it was sent.
  | 'file-changed'
  // Planning: key templates and part sizes.
  | 'invalid-key-template'
  | 'invalid-part-size'
  | 'file-too-large'
  // What the server (or the wire) said about an upload.
  | 'wrong-region'
  | 'clock-skew'
  | 'url-expired'
  | 'signature-mismatch'
  | 'access-denied'
  | 'invalid-access-key'
  | 'credentials-expired'
  | 'no-such-bucket'
  | 'no-such-key'
  | 'no-such-upload'
  | 'object-exists'
  | 'entity-too-large'
  | 'integrity-mismatch'
  | 'request-rejected'
  | 'server-busy'
  | 'server-error'
  | 'network-error'
  | 'tls-error'
  | 'request-timeout'
  // Saved state (queue, checkpoints, history) that could not be read back.
  | 'state-file-unreadable'
  // Another process held a shared file (profiles, issued links) locked for too long.
  | 'state-file-busy'
  // Profiles and secrets.
  | 'profile-not-found'
  | 'profile-exists'
  | 'invalid-profile'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'keychain-failed'
  | 'secret-missing'
  | 'secret-input-unavailable'
  | 'wrong-passphrase'
  | 'secret-file-damaged'
  | 'import-source-unreadable'
  | 'proxy-failed'
  // Anything we did not foresee; the message says what happened.
  | 'internal';

/** The serialisable shape of an error, as it crosses IPC, WebSocket or `--json` output. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/** An error Dropsign raises on purpose: a code, a sentence, and what to do. */
export class DropsignError extends Error implements ErrorInfo {
  override readonly name = 'DropsignError';
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;

  constructor(
    code: ErrorCode,
    message: string,
    hint: string,
    details?: Readonly<Record<string, string | number | boolean>>,
  ) {
    super(message);
    this.code = code;
    this.hint = hint;
    if (details !== undefined) this.details = details;
  }

  /** The plain data of this error, for IPC and JSON output. */
  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message, hint: this.hint }
      : { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

/** True when `value` is a DropsignError (also across module copies, by shape). */
export function isDropsignError(value: unknown): value is DropsignError {
  return value instanceof DropsignError;
}

/**
 * Turns anything thrown into ErrorInfo. Unknown errors become `internal` with their message only
 * (never a stack), so nothing unexpected leaks to a user-facing surface.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isDropsignError(error)) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Unexpected error: ${message}`,
    hint: 'This is a bug in Dropsign; please report it with the command you ran.',
  };
}
