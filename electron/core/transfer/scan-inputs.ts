/**
 * Turns dropped paths (files and folders) into the files to upload, streamed: a folder of 100,000 files is
 * walked one entry at a time and never held as a whole.
 *
 * Every path gets an outcome: a `file` to upload, or a `problem` that says in plain words why it is skipped
 * (vanished, not found, unreadable, a symbolic-link loop, a named pipe, socket or device). One bad path never
 * stops the rest. Symbolic links are followed, to files and to folders, but a folder that contains itself
 * through a link is reported once and not entered again.
 */
import path from 'node:path';
import type { ErrorCode, ErrorInfo } from '../../shared/errors.js';
import { errnoCode, nodeScanFs, type ScanFs, type ScanStat } from './scan-fs.js';

/** A regular file to upload. */
export interface ScannedFile {
  readonly kind: 'file';
  /** Absolute path, as reached (a symbolic link's own path, not its target). */
  readonly path: string;
  /**
   * Where the file sits relative to what was dropped, with `/` separators: a dropped file's base name, or
   * `folder/sub/file` for a file inside a dropped folder named `folder`.
   */
  readonly relativePath: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** A path that will not be uploaded, and why. */
export interface ScanProblem {
  readonly kind: 'problem';
  /** Absolute path of what failed (a file, a folder or a link). */
  readonly path: string;
  /** As for {@link ScannedFile.relativePath}. */
  readonly relativePath: string;
  readonly error: ErrorInfo;
}

/** One outcome of scanning. */
export type ScanItem = ScannedFile | ScanProblem;

/** How to scan. */
export interface ScanOptions {
  /**
   * `sorted` (the default): names within each folder in Unicode code-point order (the order OSS lists keys
   * in, since it sorts UTF-8 bytes), so the same tree always gives the same queue. Costs the names (only)
   * of the folders on the current descent in memory: about 10 MB for a flat folder of 100,000 files.
   * `directory`: the order the OS returns, with nothing held per folder (and no look-ahead, so slower).
   */
  readonly order?: 'sorted' | 'directory';
  /** Resolves relative input paths. Default: the process's working directory. */
  readonly cwd?: string;
  /** The file system. For testing. */
  readonly fs?: ScanFs;
}

/** What the walk carries down: the file system and the folders on the current descent (id → path). */
interface Walk {
  readonly fs: ScanFs;
  readonly order: 'sorted' | 'directory';
  readonly ancestors: Map<string, string>;
}

/**
 * Scans `paths` (files and folders, absolute or relative to `cwd`) and yields, lazily and in a fixed
 * order, every regular file under them (zero-byte files included) and every problem met on the way.
 * The same path given twice is scanned once. A path is only `lstat`ed and `stat`ed, never opened, so
 * a named pipe cannot block the scan.
 */
export async function* scanInputs(paths: readonly string[], options: ScanOptions = {}): AsyncGenerator<ScanItem> {
  const walk: Walk = { fs: options.fs ?? nodeScanFs, order: options.order ?? 'sorted', ancestors: new Map() };
  const cwd = options.cwd ?? process.cwd();
  // Dropped paths are looked at several at a time too: a drop of thousands of loose files (browser mode
  // enqueues a staged batch as its files) otherwise waits one round trip per file on a busy event loop.
  yield* inOrder(walk, droppedEntries(walk, paths, cwd));
}

/** The dropped paths as entries to inspect: resolved, each once, an empty one as its problem. */
function* droppedEntries(walk: Walk, paths: readonly string[], cwd: string): Generator<Entry> {
  const seen = new Set<string>();
  for (const input of paths) {
    if (input.trim() === '') {
      const empty = problem('', '', 'invalid-argument', 'An empty path was given.', 'Drop or name a file or folder.');
      yield { absolute: '', relative: '', inspection: () => Promise.resolve({ kind: 'item', item: empty }) };
      continue;
    }
    const absolute = path.resolve(cwd, input);
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    const relative = path.basename(absolute);
    yield { absolute, relative, inspection: () => inspect(walk.fs, absolute, relative, true) };
  }
}

/**
 * Stats inspected ahead of the one being yielded, within a folder (sorted order). Why 16: enough to keep
 * libuv's four file-system threads and an SSD's queue busy (a walk of 20,000 files takes about a third of
 * the time of one stat at a time), few enough that a huge folder never has thousands of calls in flight.
 */
const LOOKAHEAD = 16;

/** What one path turned out to be: an outcome to yield, or a folder to walk. */
type Inspection = { readonly kind: 'item'; readonly item: ScanItem } | { readonly kind: 'directory'; readonly id: string };

/** A path waiting its turn: where it is, and how to look at it (started up to LOOKAHEAD entries early). */
interface Entry {
  readonly absolute: string;
  readonly relative: string;
  readonly inspection: () => Promise<Inspection>;
}

/**
 * Follows `entries` strictly in order (yielding each outcome, walking each folder) while inspecting up to
 * {@link LOOKAHEAD} of them ahead.
 */
async function* inOrder(walk: Walk, entries: Iterator<Entry>): AsyncGenerator<ScanItem> {
  const window: { entry: Entry; inspection: Promise<Inspection> }[] = [];
  for (;;) {
    while (window.length < LOOKAHEAD) {
      const next = entries.next();
      if (next.done === true) break;
      window.push({ entry: next.value, inspection: next.value.inspection() });
    }
    const head = window.shift();
    if (head === undefined) return;
    yield* follow(walk, head.entry.absolute, head.entry.relative, await head.inspection);
  }
}

/** Looks at one path (never opening it) and never rejects: every failure becomes a problem item. */
async function inspect(fs: ScanFs, absolute: string, relative: string, dropped: boolean): Promise<Inspection> {
  const item = (value: ScanItem): Inspection => ({ kind: 'item', item: value });
  let info: ScanStat;
  try {
    info = await fs.lstat(absolute);
  } catch (error) {
    return item(accessProblem(absolute, relative, error, dropped ? 'not-found' : 'vanished'));
  }
  if (info.kind === 'symlink') {
    try {
      info = await fs.stat(absolute);
    } catch (error) {
      return item(brokenLinkProblem(absolute, relative, error));
    }
  }
  if (info.kind === 'directory') return { kind: 'directory', id: info.id };
  if (info.kind !== 'file') return item(specialFileProblem(absolute, relative, info.kind));
  try {
    await fs.checkReadable(absolute);
  } catch (error) {
    return item(accessProblem(absolute, relative, error, 'vanished'));
  }
  return item({ kind: 'file', path: absolute, relativePath: relative, size: info.size, mtimeMs: info.mtimeMs });
}

async function* scanPath(walk: Walk, absolute: string, relative: string, dropped: boolean): AsyncGenerator<ScanItem> {
  yield* follow(walk, absolute, relative, await inspect(walk.fs, absolute, relative, dropped));
}

async function* follow(walk: Walk, absolute: string, relative: string, inspection: Inspection): AsyncGenerator<ScanItem> {
  if (inspection.kind === 'item') yield inspection.item;
  else yield* walkDirectory(walk, absolute, relative, inspection.id);
}

async function* walkDirectory(walk: Walk, absolute: string, relative: string, id: string): AsyncGenerator<ScanItem> {
  const loopsTo = walk.ancestors.get(id);
  if (loopsTo !== undefined) {
    yield problem(
      absolute,
      relative,
      'symlink-loop',
      `${show(absolute)} leads back to the folder ${show(loopsTo)}, which contains it, so it was skipped to avoid an endless loop.`,
      'Nothing is missing: the files in that folder are uploaded once. Remove the link if it was not meant to be there.',
    );
    return;
  }
  const child = (name: string): [string, string] => [path.join(absolute, name), relative === '' ? name : `${relative}/${name}`];
  walk.ancestors.set(id, absolute);
  try {
    if (walk.order === 'directory') {
      const names = walk.fs.list(absolute)[Symbol.asyncIterator]();
      try {
        for (;;) {
          let next: IteratorResult<string>;
          try {
            next = await names.next();
          } catch (error) {
            yield folderProblem(absolute, relative, error);
            return;
          }
          if (next.done === true) return;
          yield* scanPath(walk, ...child(next.value), false);
        }
      } finally {
        // Closes the directory handle when the consumer stops early.
        await names.return?.();
      }
    }
    const names: string[] = [];
    try {
      for await (const name of walk.fs.list(absolute)) names.push(name);
    } catch (error) {
      yield folderProblem(absolute, relative, error);
      return;
    }
    names.sort(compareCodePoints);
    // Entries are made as the window reaches them: a huge folder holds its names, not an entry per name.
    const entries = function* (): Generator<Entry> {
      for (const name of names) {
        const [childPath, childRelative] = child(name);
        yield { absolute: childPath, relative: childRelative, inspection: () => inspect(walk.fs, childPath, childRelative, false) };
      }
    };
    yield* inOrder(walk, entries());
  } finally {
    walk.ancestors.delete(id);
  }
}

/**
 * Orders strings by Unicode code point, which is also the order of their UTF-8 bytes (and of OSS listings).
 * Plain `<` compares UTF-16 code units, which puts U+E000..U+FFFF after the astral planes.
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done === true || y.done === true) return x.done === true ? (y.done === true ? 0 : -1) : 1;
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}

/** A path for a message: quoted, with control characters escaped, never shortened. */
function show(filePath: string): string {
  return JSON.stringify(filePath);
}

function problem(absolute: string, relative: string, code: ErrorCode, message: string, hint: string, errno?: string): ScanProblem {
  const details = errno === undefined ? { path: absolute } : { path: absolute, errno };
  return { kind: 'problem', path: absolute, relativePath: relative, error: { code, message, hint, details } };
}

const PERMISSION_HINT =
  'Give your user permission to read it (on macOS, allow Dropsign in Privacy & Security > Files and Folders), then try again.';

function accessProblem(absolute: string, relative: string, error: unknown, missing: 'not-found' | 'vanished'): ScanProblem {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return missing === 'not-found'
      ? problem(absolute, relative, 'file-not-found', `Cannot find ${show(absolute)}.`, 'Check that the file or folder still exists, then drop it again.', code)
      : problem(
          absolute,
          relative,
          'file-vanished',
          `${show(absolute)} disappeared while its folder was being read.`,
          'It was moved or deleted after it was dropped; drop it again if it should be uploaded.',
          code,
        );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return problem(absolute, relative, 'file-unreadable', `Dropsign is not allowed to read ${show(absolute)}.`, PERMISSION_HINT, code);
  }
  if (code === 'ELOOP') return selfLoopProblem(absolute, relative);
  return problem(
    absolute,
    relative,
    'file-unreadable',
    `Cannot read ${show(absolute)} (${code ?? 'unknown error'}).`,
    'Check the disk and the file, then try again.',
    code,
  );
}

function selfLoopProblem(absolute: string, relative: string): ScanProblem {
  return problem(
    absolute,
    relative,
    'symlink-loop',
    `${show(absolute)} is a symbolic link that leads back to itself, so it points to nothing and was skipped.`,
    'Fix or remove the link.',
    'ELOOP',
  );
}

function brokenLinkProblem(absolute: string, relative: string, error: unknown): ScanProblem {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return problem(
      absolute,
      relative,
      'file-not-found',
      `${show(absolute)} is a symbolic link to something that does not exist, so it was skipped.`,
      'Fix the link, or drop the file it was meant to point to.',
      code,
    );
  }
  return accessProblem(absolute, relative, error, 'vanished');
}

function folderProblem(absolute: string, relative: string, error: unknown): ScanProblem {
  const code = errnoCode(error);
  if (code === 'EACCES' || code === 'EPERM') {
    return problem(absolute, relative, 'file-unreadable', `Dropsign is not allowed to list the folder ${show(absolute)}.`, PERMISSION_HINT, code);
  }
  return accessProblem(absolute, relative, error, 'vanished');
}

const SPECIAL_NAMES: Readonly<Record<string, string>> = {
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  device: 'a device',
};

function specialFileProblem(absolute: string, relative: string, kind: string): ScanProblem {
  return problem(
    absolute,
    relative,
    'special-file',
    `${show(absolute)} is ${SPECIAL_NAMES[kind] ?? 'an unknown kind of file'}, not a regular file, so it was skipped.`,
    'Only regular files and folders can be uploaded; copy the data into a file first.',
  );
}
