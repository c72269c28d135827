/**
 * An in-memory file system for the engine's scans and stats: files are paths with a size and a
 * modification time (the fake object API never reads bytes), folders are implied by the paths.
 */
import { createHash } from 'node:crypto';
import type { EngineFs } from '../../../../../electron/core/transfer/engine/engine-types.js';
import type { ScanFs, ScanStat } from '../../../../../electron/core/transfer/scan-fs.js';

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** See the module comment. Paths are absolute POSIX paths. */
export class FakeFs implements EngineFs {
  readonly files = new Map<string, { size: number; mtimeMs: number }>();
  readonly #dirs = new Map<string, Set<string>>();
  /** Paths `checkReadable` refuses (EACCES). */
  readonly unreadable = new Set<string>();
  hashes = 0;

  /** Adds (or replaces) a file and its parent folders. */
  add(path: string, size: number, mtimeMs = 1_700_000_000_000): this {
    this.files.set(path, { size, mtimeMs });
    let child = path;
    for (let parent = path.slice(0, path.lastIndexOf('/')); ; parent = parent.slice(0, parent.lastIndexOf('/'))) {
      const dir = parent === '' ? '/' : parent;
      let names = this.#dirs.get(dir);
      if (names === undefined) {
        names = new Set();
        this.#dirs.set(dir, names);
      }
      names.add(child.slice(child.lastIndexOf('/') + 1));
      if (dir === '/') break;
      child = parent;
    }
    return this;
  }

  /** Deletes a file (its folder keeps listing nothing for it). */
  delete(path: string): void {
    this.files.delete(path);
    this.#dirs.get(path.slice(0, path.lastIndexOf('/')) || '/')?.delete(path.slice(path.lastIndexOf('/') + 1));
  }

  #stat = async (path: string): Promise<ScanStat> => {
    const file = this.files.get(path);
    if (file !== undefined) return { kind: 'file', size: file.size, mtimeMs: file.mtimeMs, id: `f:${path}` };
    if (this.#dirs.has(path)) return { kind: 'directory', size: 0, mtimeMs: 0, id: `d:${path}` };
    throw errno('ENOENT', path);
  };

  readonly scan: ScanFs = {
    lstat: this.#stat,
    stat: this.#stat,
    list: (path) => this.#list(path),
    checkReadable: async (path) => {
      if (this.unreadable.has(path)) throw errno('EACCES', path);
      await this.#stat(path);
    },
  };

  async *#list(path: string): AsyncIterable<string> {
    const names = this.#dirs.get(path);
    if (names === undefined) throw errno('ENOENT', path);
    for (const name of [...names]) yield name;
  }

  readonly sha256 = async (path: string): Promise<string> => {
    this.hashes++;
    if (!this.files.has(path)) throw errno('ENOENT', path);
    return createHash('sha256').update(path).digest('hex');
  };
}
