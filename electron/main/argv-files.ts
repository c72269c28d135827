/**
 * Files handed to the app from outside, uploaded to the default profile: `dropsign-desktop FILE...` (the
 * first launch's command line), a second launch's command line (passed to the running app by the
 * single-instance lock), and macOS "Open With" (`open-file`, one event per file). They may arrive before
 * the services are ready, and several at once; {@link IncomingFiles} holds them and sends one batch.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_ENQUEUE_PATHS } from '../shared/ipc/schemas.js';

/** How the command line was made. */
export interface ArgvOptions {
  /** Relative paths are relative to this. */
  readonly cwd: string;
  /** `process.defaultApp`: started as `electron APP ...`, so the first plain argument is the app, not a file. */
  readonly defaultApp: boolean;
  readonly platform?: NodeJS.Platform;
}

/**
 * The files on a command line: the executable, options (`--flag`, Chromium's switches, macOS's `-psn_...`)
 * and, in development, the app path are dropped; after `--` everything is a file. `file://` URLs (what a
 * Linux desktop entry's `%U` passes) become paths; relative paths are resolved against `cwd`.
 */
export function filesFromArgv(argv: readonly string[], options: ArgvOptions): string[] {
  const platform = options.platform ?? process.platform;
  const files: string[] = [];
  let optionsEnded = false;
  let appSkipped = !options.defaultApp;
  for (const arg of argv.slice(1)) {
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && arg.startsWith('-')) continue;
    if (!appSkipped) {
      appSkipped = true;
      continue;
    }
    if (arg === '' || arg.includes('\0')) continue;
    let file = arg;
    if (arg.startsWith('file://')) {
      try {
        file = fileURLToPath(arg, { windows: platform === 'win32' });
      } catch {
        continue;
      }
    }
    files.push(platform === 'win32' ? path.win32.resolve(options.cwd, file) : path.posix.resolve(options.cwd, file));
  }
  return files.slice(0, MAX_ENQUEUE_PATHS);
}

/** What a second launch sends the running app (the lock's `additionalData`). */
export interface SecondInstanceData {
  readonly files: readonly string[];
}

/** The files in a second launch's `additionalData`, or undefined when it is not ours (then parse its argv). */
export function filesFromSecondInstanceData(data: unknown): string[] | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const files = (data as { files?: unknown }).files;
  if (!Array.isArray(files) || files.length > MAX_ENQUEUE_PATHS) return undefined;
  if (!files.every((file): file is string => typeof file === 'string' && file !== '' && !file.includes('\0'))) return undefined;
  return files.every((file) => path.isAbsolute(file) || path.win32.isAbsolute(file)) ? files : undefined;
}

/** Why 150 ms: macOS sends one `open-file` per file, all within a few milliseconds; one batch is one enqueue. */
export const INCOMING_BATCH_MS = 150;

/** See the module comment: collects paths and hands them over in batches once ready. */
export class IncomingFiles {
  readonly #deliver: (paths: readonly string[]) => void;
  #pending: string[] = [];
  #ready = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(deliver: (paths: readonly string[]) => void) {
    this.#deliver = deliver;
  }

  /** Adds paths; they go out a moment later, or when {@link IncomingFiles.ready} is called. */
  add(paths: readonly string[]): void {
    if (paths.length === 0) return;
    for (const file of paths) if (!this.#pending.includes(file)) this.#pending.push(file);
    if (this.#ready) this.#timer ??= setTimeout(() => this.#flush(), INCOMING_BATCH_MS);
  }

  /** The services are up: sends what has gathered, and from now on each batch. */
  ready(): void {
    this.#ready = true;
    this.#flush();
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = [];
  }

  #flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const paths = this.#pending.slice(0, MAX_ENQUEUE_PATHS);
    this.#pending = this.#pending.slice(MAX_ENQUEUE_PATHS);
    if (paths.length > 0) this.#deliver(paths);
    if (this.#pending.length > 0) this.#flush();
  }
}
