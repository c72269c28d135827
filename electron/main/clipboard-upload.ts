/**
 * "Upload clipboard" (the tray item and the global shortcut): the files copied in a file manager, else an
 * image on the clipboard (a screenshot), saved as PNG in the spool folder and uploaded from there. The
 * spool lives in the app data directory, not the temp folder, so a queued image survives a restart as long
 * as its transfer may resume; files older than a week are swept at start.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DropsignError, type ErrorInfo } from '../shared/errors.js';
import type { Result } from '../shared/ipc/channels.js';
import { isPastedImageName, pastedImageName } from '../shared/pasted-image-name.js';
import type { EnqueueOutcome } from '../shared/ipc/transfer-requests.js';
import { readClipboardFiles, readClipboardImage, type ClipboardEntry } from './clipboard-files.js';

/** The spool folder's name in the app data directory. */
export const CLIPBOARD_SPOOL_DIR_NAME = 'clipboard';

/** Why a week: longer than any upload stays paused in practice, short enough that screenshots do not pile up. */
export const SPOOL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** What the upload needs. */
export interface ClipboardUploadDeps {
  /** `clipboard.read()`. */
  readonly read: () => Promise<readonly ClipboardEntry[]>;
  /** Turns image bytes of another type (JPEG, BMP...) into PNG (`nativeImage`); undefined when it cannot. */
  readonly toPng: (bytes: Buffer) => Buffer | undefined;
  readonly platform: NodeJS.Platform;
  readonly spoolDir: string;
  readonly now: () => Date;
  /** Queues paths with the default profile. */
  readonly enqueue: (paths: readonly string[]) => Promise<Result<EnqueueOutcome>>;
}

/** What happened. */
export type ClipboardUploadOutcome =
  | { readonly kind: 'files'; readonly paths: readonly string[]; readonly result: Result<EnqueueOutcome> }
  | { readonly kind: 'image'; readonly path: string; readonly result: Result<EnqueueOutcome> }
  | { readonly kind: 'empty' }
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

async function writeSpoolFile(dir: string, now: Date, png: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // Why 100: two images pasted in the same second get -2, -3...; a hundred means something else is wrong.
  for (let attempt = 1; attempt <= 100; attempt++) {
    const file = path.join(dir, pastedImageName(now, 'png', attempt));
    try {
      await writeFile(file, png, { flag: 'wx', mode: 0o600 });
      return file;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`No free file name in ${dir}.`);
}

/** What saving the clipboard's image needs. */
export type ClipboardImageDeps = Pick<ClipboardUploadDeps, 'read' | 'toPng' | 'spoolDir' | 'now'>;

/** The image among `entries` as PNG bytes, converted when need be; undefined when there is none. */
async function clipboardPng(entries: readonly ClipboardEntry[], toPng: ClipboardUploadDeps['toPng']): Promise<Buffer | undefined> {
  const image = await readClipboardImage(entries);
  return image === undefined ? undefined : image.type === 'image/png' ? image.bytes : toPng(image.bytes);
}

function spoolFailure(error: unknown, spoolDir: string): ErrorInfo {
  const code = (error as { code?: string }).code;
  return {
    code: 'file-unreadable',
    message: `The clipboard image could not be saved for upload${code === undefined ? '' : ` (${code})`}.`,
    hint: `Check that there is free space and that your user can write to ${spoolDir}.`,
  };
}

/**
 * Saves the clipboard's image as a PNG in the spool folder and returns the file (undefined when the
 * clipboard holds no image): for an image pasted into the window (`clipboard:save-image`). Throws the
 * typed `file-unreadable` error when the spool cannot be written.
 */
export async function saveClipboardImageFile(deps: ClipboardImageDeps): Promise<string | undefined> {
  try {
    const png = await clipboardPng(await deps.read(), deps.toPng);
    return png === undefined ? undefined : await writeSpoolFile(deps.spoolDir, deps.now(), png);
  } catch (error) {
    const info = spoolFailure(error, deps.spoolDir);
    throw new DropsignError(info.code, info.message, info.hint);
  }
}

/** Uploads what the clipboard holds. Never throws. */
export async function uploadClipboard(deps: ClipboardUploadDeps): Promise<ClipboardUploadOutcome> {
  try {
    const entries = await deps.read();
    const paths = await readClipboardFiles(entries, deps.platform);
    if (paths.length > 0) return { kind: 'files', paths, result: await deps.enqueue(paths) };
    const png = await clipboardPng(entries, deps.toPng);
    if (png === undefined) return { kind: 'empty' };
    const file = await writeSpoolFile(deps.spoolDir, deps.now(), png);
    return { kind: 'image', path: file, result: await deps.enqueue([file]) };
  } catch (error) {
    return { kind: 'failed', error: spoolFailure(error, deps.spoolDir) };
  }
}

/** Deletes spooled images older than `maxAgeMs`; problems are ignored (the next start tries again). */
export async function sweepSpool(dir: string, nowMs: number, maxAgeMs = SPOOL_MAX_AGE_MS): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!isPastedImageName(name)) continue;
    const file = path.join(dir, name);
    try {
      if (nowMs - (await stat(file)).mtimeMs > maxAgeMs) {
        await rm(file, { force: true });
        removed++;
      }
    } catch {
      // Gone already, or not ours to delete.
    }
  }
  return removed;
}
