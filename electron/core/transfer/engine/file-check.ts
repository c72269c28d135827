/**
 * Noticing a source file that vanished or changed, and turning anything an attempt throws into a typed
 * error. Neither is retried: waiting does not bring a deleted file back, and re-sending a file that is
 * still being written would store a torn copy.
 */
import { DropsignError, isDropsignError, toErrorInfo, type ErrorInfo } from '../../../shared/errors.js';
import { errnoCode, type ScanFs } from '../scan-fs.js';

/** What the engine knows about a source file. */
export interface FileIdentity {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The typed error for a file system failure on `path` (vanished, unreadable, other). */
export function fileErrorInfo(path: string, error: unknown): ErrorInfo {
  const code = errnoCode(error);
  const shown = JSON.stringify(path);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return {
      code: 'file-vanished',
      message: `The file ${shown} is no longer there; it was moved or deleted after it was queued.`,
      hint: 'Put the file back and retry the upload, or remove it from the queue.',
      details: { path, errno: code },
    };
  }
  return {
    code: 'file-unreadable',
    message: `The file ${shown} could not be read (${code ?? 'unknown error'}).`,
    hint:
      code === 'EACCES' || code === 'EPERM'
        ? 'Check that you may read the file (permissions, or another program locking it), then retry.'
        : 'Check the disk and the file, then retry the upload.',
    details: { path, errno: code ?? 'unknown' },
  };
}

/** The typed error for a file whose size or modification time changed while it was uploading. */
export function fileChangedInfo(file: FileIdentity, now: { readonly size: number; readonly mtimeMs: number }): ErrorInfo {
  return {
    code: 'file-changed',
    message: `The file ${JSON.stringify(file.path)} changed while it was uploading (size ${file.size} → ${now.size} bytes), so the uploaded copy cannot be trusted.`,
    hint: 'Wait until the program writing the file has finished, then retry the upload.',
    details: { path: file.path, queuedSize: file.size, size: now.size, queuedMtimeMs: file.mtimeMs, mtimeMs: now.mtimeMs },
  };
}

/** The file's current size and modification time, or the typed error when it cannot be looked at. */
export async function statFile(fs: ScanFs, path: string): Promise<{ readonly size: number; readonly mtimeMs: number }> {
  try {
    const info = await fs.stat(path);
    if (info.kind !== 'file') {
      throw Object.assign(new Error('not a regular file'), { code: info.kind === 'directory' ? 'EISDIR' : 'EINVAL' });
    }
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    const info = fileErrorInfo(path, error);
    throw new DropsignError(info.code, info.message, info.hint, info.details);
  }
}

/** Throws `file-changed` (or the file error) unless the file still has the size and modification time it had. */
export async function checkFileUnchanged(fs: ScanFs, file: FileIdentity): Promise<void> {
  const now = await statFile(fs, file.path);
  if (now.size !== file.size || now.mtimeMs !== file.mtimeMs) {
    const info = fileChangedInfo(file, now);
    throw new DropsignError(info.code, info.message, info.hint, info.details);
  }
}

/**
 * The typed error for something an attempt threw (the HTTP layer throws, rather than returns, what a
 * retry cannot fix: a file that vanished or shrank, a signing error). System errors are read as file
 * errors on `path`; anything else is `internal`.
 */
export function thrownErrorInfo(error: unknown, path: string): ErrorInfo {
  if (isDropsignError(error)) return error.toInfo();
  if (errnoCode(error) !== undefined) return fileErrorInfo(path, error);
  return toErrorInfo(error);
}

/** A DropsignError carrying `info`, to throw through code that expects errors. */
export function errorFrom(info: ErrorInfo): DropsignError {
  return new DropsignError(info.code, info.message, info.hint, info.details);
}
