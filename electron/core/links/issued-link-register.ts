/**
 * The persisted register of issued links: `links.json` in the app data directory, a versioned document
 * written atomically (core/storage/atomic-json-file), mode 0600 (the URLs are bearer links: whoever holds
 * one can use it until it expires).
 *
 * `{"version":1,"data":{"links":[{"id":"…","issuedAt":"…","url":"…",…}]}}`, oldest first.
 *
 * - Entries hold what the user saw (URL, method, required headers, times, profile, bucket, key): never a
 *   secret, never a snippet. A presigned link cannot be revoked; forgetting one only takes it off the list.
 * - Each change is one read, change and write, serialised within the process and holding the file's lock
 *   against other processes (the app, the tray and `dropsign link` all record links), so none is lost. The
 *   file is read again only when it changed on disk since this process last saw it.
 * - A damaged file, or one from a newer Dropsign, is moved aside and reported through `onNotice`; the
 *   register then starts empty.
 * - Bounded at {@link MAX_ISSUED_LINKS}: when full, expired links go first (oldest first), then the oldest.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DropsignError, type ErrorInfo } from '../../shared/errors.js';
import type { IssuedLinkView } from '../../shared/ipc/link-types.js';
import { withFileLock } from '../storage/file-lock.js';
import { AtomicJsonFile } from '../storage/atomic-json-file.js';
import { isErrno } from '../storage/atomic-write.js';
import type { IssuedLink, IssuedLinks, LinkRegister } from './link-register.js';

/** The file's name in the app data directory. */
export const LINKS_FILE_NAME = 'links.json';

/** The format version this code writes. */
export const LINKS_FORMAT_VERSION = 1;

/**
 * The most links kept. Why 10,000: links are made by hand, so this is years of them; at 1-4 KB per entry
 * (an STS token makes URLs long) the file stays under ~40 MB, which is rewritten whole on each change.
 */
export const MAX_ISSUED_LINKS = 10_000;

/** Lower-case header names, so no name can reach an object's prototype (`__proto__`). */
const headerName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/);

const entrySchema = z.object({
  id: z.string().min(1),
  issuedAt: z.string(),
  url: z.string().min(1),
  method: z.enum(['PUT', 'GET']),
  headers: z.record(headerName, z.string()),
  expiresAt: z.string(),
  signedAt: z.string(),
  /** Empty when the link was signed from command-line options and environment credentials (no profile). */
  profile: z.string(),
  bucket: z.string(),
  key: z.string(),
});

const documentSchema = z.object({ links: z.array(entrySchema) });

type StoredLinks = z.infer<typeof documentSchema>;

/** Options of {@link IssuedLinkRegister}. */
export interface IssuedLinkRegisterOptions {
  readonly path: string;
  /** Told when the file had to be set aside. */
  readonly onNotice?: (notice: ErrorInfo) => void;
  /** Wall time: which links have expired (pruning), and the set-aside name. Default `Date.now`. */
  readonly now?: () => number;
  /** New entry ids. Default: random UUIDs. For testing. */
  readonly newId?: () => string;
  /** The cap. Default {@link MAX_ISSUED_LINKS}. For testing. */
  readonly maxLinks?: number;
}

/** What this process last saw of the file, to notice another process's writes. */
interface Cached {
  readonly links: readonly IssuedLinkView[];
  readonly stamp: string;
}

/** See the module comment. */
export class IssuedLinkRegister implements LinkRegister {
  readonly #file: AtomicJsonFile<StoredLinks>;
  readonly #onNotice: (notice: ErrorInfo) => void;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #max: number;
  #cached: Cached | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: IssuedLinkRegisterOptions) {
    this.#onNotice = options.onNotice ?? (() => undefined);
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
    this.#max = options.maxLinks ?? MAX_ISSUED_LINKS;
    this.#file = new AtomicJsonFile<StoredLinks>({
      path: options.path,
      version: LINKS_FORMAT_VERSION,
      description: 'list of issued links',
      // Why 0o600: every URL in it works for whoever holds it until it expires.
      mode: 0o600,
      parse: (data) => documentSchema.parse(data),
      now: this.#now,
    });
  }

  /** The register of the app data directory `appDataDir`. */
  static inAppData(appDataDir: string, options: Omit<IssuedLinkRegisterOptions, 'path'> = {}): IssuedLinkRegister {
    return new IssuedLinkRegister({ ...options, path: path.join(appDataDir, LINKS_FILE_NAME) });
  }

  /** The file's path. */
  get path(): string {
    return this.#file.path;
  }

  record(link: IssuedLink): Promise<IssuedLinkView> {
    return this.#change((links) => {
      const { url, method, headers, expiresAt, signedAt, profile, bucket, key } = link.link;
      const entry: IssuedLinkView = { id: this.#newId(), issuedAt: link.issuedAt, url, method, headers: { ...headers }, expiresAt, signedAt, profile, bucket, key };
      return { next: [...pruned(links, this.#max - 1, this.#now()), entry], result: entry };
    });
  }

  async list(): Promise<IssuedLinks> {
    const links = await this.#serialised(() => this.#current());
    return { links: [...links].reverse() };
  }

  forget(id: string): Promise<void> {
    return this.#change((links) => {
      const next = links.filter((link) => link.id !== id);
      if (next.length === links.length) {
        throw new DropsignError('invalid-argument', 'There is no issued link with this id (it may have been forgotten already).', 'Refresh the list of issued links.', {
          field: 'id',
        });
      }
      return { next, result: undefined };
    });
  }

  async findByUrl(url: string): Promise<IssuedLinkView | undefined> {
    const links = await this.#serialised(() => this.#current());
    // Newest first: the same URL recorded twice (the same second, same options) is one link.
    return [...links].reverse().find((link) => link.url === url);
  }

  /** Runs `work` after every earlier operation of this register. */
  #serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * One read-change-write, serialised in this process and holding the file's lock against other processes
   * (the app, the tray and `dropsign link` all record links; core/storage/file-lock.ts).
   */
  #change<T>(apply: (links: readonly IssuedLinkView[]) => { readonly next: readonly IssuedLinkView[]; readonly result: T }): Promise<T> {
    return this.#serialised(() =>
      withFileLock(
        this.#file.path,
        async () => {
          const { next, result } = apply(await this.#current());
          await this.#file.write({ links: next.map((link) => ({ ...link, headers: { ...link.headers } })) });
          this.#cached = { links: next, stamp: await this.#stamp() };
          return result;
        },
        { description: 'list of issued links' },
      ),
    );
  }

  /** The links on disk, read again only when the file changed since this process last saw it. */
  async #current(): Promise<readonly IssuedLinkView[]> {
    const stamp = await this.#stamp();
    if (this.#cached !== undefined && this.#cached.stamp === stamp) return this.#cached.links;
    const result = await this.#file.read();
    if (result.kind === 'set-aside') this.#onNotice(result.error);
    // Object.fromEntries defines own properties: header records stay plain data.
    const links = result.kind === 'ok' ? result.value.links.map((link) => ({ ...link, headers: Object.fromEntries(Object.entries(link.headers)) })) : [];
    this.#cached = { links, stamp: result.kind === 'ok' ? stamp : await this.#stamp() };
    return links;
  }

  /** The file's identity and version on disk: inode, size and modification time, or `missing`. */
  async #stamp(): Promise<string> {
    try {
      const info = await stat(this.#file.path, { bigint: true });
      return `${info.ino}:${info.size}:${info.mtimeNs}`;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return 'missing';
      throw error;
    }
  }
}

/**
 * `links` cut down to at most `keep` entries: expired links go first, oldest first; then, if still too
 * many, the oldest.
 */
export function pruned(links: readonly IssuedLinkView[], keep: number, nowMs: number): readonly IssuedLinkView[] {
  let excess = links.length - Math.max(0, keep);
  if (excess <= 0) return links;
  const dropped = new Set<IssuedLinkView>();
  for (const link of links) {
    if (excess === 0) break;
    if (Date.parse(link.expiresAt) <= nowMs) {
      dropped.add(link);
      excess--;
    }
  }
  for (const link of links) {
    if (excess === 0) break;
    if (!dropped.has(link)) {
      dropped.add(link);
      excess--;
    }
  }
  return links.filter((link) => !dropped.has(link));
}
