/**
 * Moves a bucket written in object layout 1 (`objects/<h0h1>/<h2h3>/<sha256>`) to layout 2
 * (`objects/<h0h1>/<sha256>`, storage-layout.ts), when the server starts and before it serves anything.
 * The desktop app's embedded bucket holds users' files, so this must never lose one, whenever it stops.
 *
 * How, per bucket:
 * 1. All 256 shard directories are created, and the objects directory fsynced, before anything moves
 *    into them (a directory lost in a power cut would take the objects moved into it along).
 * 2. Each object file is renamed to its new place: atomic, so a crash leaves it in the old place or the
 *    new one. A file found in both places is a rename whose two directory updates did not both reach the
 *    disk before a crash; nothing else writes the new layout before the migration has finished, so the
 *    copy in the new place is that same file, and the old name is removed.
 * 3. Once a shard's files are moved its directory is fsynced, and only then are the emptied old
 *    directories removed.
 * 4. The caller records layout 2 in `bucket.json` (bucket-info.ts) last. Until then every start repeats
 *    the migration, which finds less to move each time and nothing once it is done.
 */
import { mkdir, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from '../storage/atomic-write.js';
import { isErrno } from './atomic-file.js';
import { isKeyHash, isShardName, OBJECT_SHARDS, type StorageLayout } from './storage-layout.js';

/**
 * Shards migrated at once. Why 4: libuv's thread pool runs four file system calls at a time; more only
 * queues, fewer leaves threads idle.
 */
const SHARDS_AT_ONCE = 4;

/** Creates the 256 shard directories of `bucket` (those missing) and makes them durable. */
export async function createObjectShards(layout: StorageLayout, bucket: string): Promise<void> {
  await mkdir(layout.objectsDir(bucket), { recursive: true });
  await Promise.all(
    OBJECT_SHARDS.map((shard) =>
      mkdir(layout.objectShardDir(bucket, shard)).catch((error: unknown) => {
        if (!isErrno(error, 'EEXIST')) throw error;
      }),
    ),
  );
  await syncDirectory(layout.objectsDir(bucket));
  await syncDirectory(layout.bucketDir(bucket));
}

/**
 * Moves every layout-1 object file of `bucket` to its layout-2 place (see the module comment) and
 * returns how many moved. Object files are recognised by name (64 hex digits); anything else in an old
 * directory is left where it is, and so is that directory.
 */
export async function migrateObjectLayout(layout: StorageLayout, bucket: string, log: (line: string) => void): Promise<number> {
  await createObjectShards(layout, bucket);
  let moved = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < OBJECT_SHARDS.length) {
      const shard = OBJECT_SHARDS[next++] as string;
      const count = await migrateShard(layout, bucket, shard, log);
      moved += count;
    }
  };
  await Promise.all(Array.from({ length: SHARDS_AT_ONCE }, worker));
  return moved;
}

/** Moves the files of one shard's old subdirectories (`<h0h1>/<h2h3>/`); returns how many moved. */
async function migrateShard(layout: StorageLayout, bucket: string, shard: string, log: (line: string) => void): Promise<number> {
  const shardDir = layout.objectShardDir(bucket, shard);
  const oldDirs = (await readdir(shardDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && isShardName(entry.name))
    .map((entry) => path.join(shardDir, entry.name));
  if (oldDirs.length === 0) return 0;
  let moved = 0;
  /** Directories that gained entries: fsynced before any old directory goes. */
  const touched = new Set<string>([shardDir]);
  for (const oldDir of oldDirs) {
    for (const name of await readdir(oldDir)) {
      if (!isKeyHash(name)) continue;
      const from = path.join(oldDir, name);
      // By name, not by the directory it sat in: a file misplaced by hand still lands where lookups go.
      const to = layout.objectPathForHash(bucket, name);
      if (await exists(to)) {
        await unlink(from);
      } else {
        await rename(from, to);
        touched.add(path.dirname(to));
        moved++;
      }
    }
  }
  for (const dir of touched) await syncDirectory(dir);
  for (const oldDir of oldDirs) {
    await rmdir(oldDir).catch((error: unknown) => {
      if (isErrno(error, 'ENOTEMPTY') || isErrno(error, 'EEXIST')) log(`local bucket: left ${oldDir} in place: it holds files that are not objects`);
      else throw error;
    });
  }
  await syncDirectory(shardDir);
  return moved;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}
