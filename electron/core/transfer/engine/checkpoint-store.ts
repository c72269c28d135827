/**
 * Multipart checkpoints: what a restart needs to continue an upload without sending finished parts again.
 *
 * Two files per upload in `checkpoints/`:
 * - `<id>.json`: the header `{ uploadId, key, size, mtimeMs, partSize }`, written atomically once, when
 *   the upload is initiated (atomic-json-file, versioned);
 * - `<id>.parts.jsonl`: one line `{ n, etag, crc64, size }` per finished part, appended (append-only-log).
 *
 * Why a journal and not one document rewritten per part: a rewrite costs the whole part list, so the
 * 10,000 parts of a large file would write ~50 MB of JSON in all (O(n²)); an append costs one ~80-byte
 * line, and appends that arrive together share one fsync. Losing the last line in a crash only means that
 * part is sent again: ListParts on resume is the truth for what the server holds, the journal adds the
 * CRC-64 of each part (which ListParts does not report) for the combined check on completion.
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppendOnlyLog, readLog } from '../../storage/append-only-log.js';
import { AtomicJsonFile } from '../../storage/atomic-json-file.js';
import { removeQuietly } from '../../storage/atomic-write.js';

/** What is known when the upload is initiated. */
export interface CheckpointHeader {
  readonly uploadId: string;
  readonly key: string;
  /** The file's size and modification time when the upload began: a change means starting over. */
  readonly size: number;
  readonly mtimeMs: number;
  readonly partSize: number;
}

/** One finished part. */
export interface PartRecord {
  /** Part number, from 1. */
  readonly n: number;
  readonly etag: string;
  /** CRC-64/ECMA-182 of the part's bytes, decimal. */
  readonly crc64: string;
  readonly size: number;
}

/** A checkpoint as read back. */
export interface Checkpoint extends CheckpointHeader {
  readonly parts: ReadonlyMap<number, PartRecord>;
}

const VERSION = 1;

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function parseHeader(data: unknown): CheckpointHeader {
  const value = data as Partial<Record<keyof CheckpointHeader, unknown>> | null;
  if (
    typeof value !== 'object' || value === null ||
    typeof value.uploadId !== 'string' || value.uploadId === '' ||
    typeof value.key !== 'string' || !isWhole(value.size) ||
    typeof value.mtimeMs !== 'number' || !isWhole(value.partSize) || value.partSize < 1
  ) {
    throw new Error('not a checkpoint');
  }
  return { uploadId: value.uploadId, key: value.key, size: value.size, mtimeMs: value.mtimeMs, partSize: value.partSize };
}

function parsePart(data: unknown): PartRecord {
  const value = data as Partial<Record<keyof PartRecord, unknown>> | null;
  if (typeof value !== 'object' || value === null || !isWhole(value.n) || value.n < 1 || typeof value.etag !== 'string' || typeof value.crc64 !== 'string' || !isWhole(value.size)) {
    throw new Error('not a part record');
  }
  return { n: value.n, etag: value.etag, crc64: value.crc64, size: value.size };
}

/** A file-name-safe form of a transfer id (ids are UUIDs; anything else is hashed). */
function fileStem(id: string): string {
  // Why 128: far above a UUID's 36 characters, far below any file system's name limit.
  return /^[A-Za-z0-9_-]{1,128}$/.test(id) ? id : createHash('sha256').update(id).digest('hex');
}

/** See the module comment. One instance per state directory. */
export class CheckpointStore {
  readonly #dir: string;
  readonly #journals = new Map<string, AppendOnlyLog<PartRecord>>();
  /**
   * Stems with a checkpoint header on disk, learnt by {@link CheckpointStore.prune} at start and kept up
   * to date, so looking up a transfer without one (every small file) costs no file system call.
   */
  readonly #known = new Set<string>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  #headerFile(id: string): AtomicJsonFile<CheckpointHeader> {
    return new AtomicJsonFile({ path: path.join(this.#dir, `${fileStem(id)}.json`), version: VERSION, parse: parseHeader, description: 'multipart checkpoint' });
  }

  #journalPath(id: string): string {
    return path.join(this.#dir, `${fileStem(id)}.parts.jsonl`);
  }

  /** The checkpoint of transfer `id`, or undefined when there is none (or it was damaged and set aside). */
  async load(id: string): Promise<Checkpoint | undefined> {
    if (!this.#known.has(fileStem(id))) return undefined;
    const read = await this.#headerFile(id).read();
    if (read.kind !== 'ok') return undefined;
    const parts = new Map<number, PartRecord>();
    for await (const part of readLog(this.#journalPath(id), { parse: parsePart })) parts.set(part.n, part);
    return { ...read.value, parts };
  }

  /** Starts a checkpoint for a newly initiated upload (any older one for `id` is dropped first). */
  async create(id: string, header: CheckpointHeader): Promise<void> {
    await this.#closeJournal(id);
    await removeQuietly(this.#journalPath(id));
    await this.#headerFile(id).write(header);
    this.#known.add(fileStem(id));
  }

  /** Records a finished part; resolves once it is on disk. */
  addPart(id: string, part: PartRecord): Promise<void> {
    let journal = this.#journals.get(id);
    if (journal === undefined) {
      journal = new AppendOnlyLog<PartRecord>({ path: this.#journalPath(id) });
      this.#journals.set(id, journal);
    }
    return journal.append(part);
  }

  /** Closes the journal of `id` (the transfer stopped for now); the checkpoint stays. */
  release(id: string): Promise<void> {
    return this.#closeJournal(id);
  }

  /** Deletes the checkpoint of `id` (the upload completed or was aborted). */
  async remove(id: string): Promise<void> {
    this.#known.delete(fileStem(id));
    await this.#closeJournal(id);
    await removeQuietly(this.#headerFile(id).path);
    await removeQuietly(this.#journalPath(id));
  }

  /**
   * Deletes the files of every transfer not in `keep` (leftovers of transfers that no longer exist) and
   * learns which transfers have a checkpoint. Call once, before any other method.
   */
  async prune(keep: ReadonlySet<string>): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch {
      return;
    }
    const stems = new Set([...keep].map(fileStem));
    for (const name of names) {
      const stem = name.slice(0, name.indexOf('.') < 0 ? name.length : name.indexOf('.'));
      if (!stems.has(stem)) await removeQuietly(path.join(this.#dir, name));
      else if (name === `${stem}.json`) this.#known.add(stem);
    }
  }

  /** Closes every open journal. */
  async close(): Promise<void> {
    await Promise.all([...this.#journals.keys()].map((id) => this.#closeJournal(id)));
  }

  async #closeJournal(id: string): Promise<void> {
    const journal = this.#journals.get(id);
    this.#journals.delete(id);
    await journal?.close();
  }
}
