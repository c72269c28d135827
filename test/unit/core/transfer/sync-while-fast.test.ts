import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRange } from '../../../../electron/core/transfer/object-api.js';
import { nodeScanFs, type ScanFs } from '../../../../electron/core/transfer/scan-fs.js';
import {
  createSyncWhileFastAccess,
  SLOW_CALL_MS,
  SLOW_CALLS_TO_SWITCH,
  WINDOW_CALLS,
  type AsyncFileCalls,
} from '../../../../electron/core/transfer/sync-while-fast.js';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-swf-'));
  file = path.join(dir, 'a.txt');
  await writeFile(file, '0123456789');
  await mkdir(path.join(dir, 'sub'));
  await symlink(file, path.join(dir, 'link'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** A clock where every call made in place takes `takes(n)` ms (n counts the calls from 0). */
function steppingClock(takes: (n: number) => number): () => number {
  let time = 0;
  let reads = 0;
  // The access reads the clock twice per call: before, and after (when the call took its time).
  return () => {
    const n = Math.floor(reads / 2);
    if (reads++ % 2 === 1) time += takes(n);
    return time;
  };
}

/** Fallback calls that record what reached them. */
function recordingFallback(): AsyncFileCalls & { readonly seen: string[] } {
  const seen: string[] = [];
  const scan: ScanFs = {
    lstat: (p) => (seen.push(`lstat ${p}`), nodeScanFs.lstat(p)),
    stat: (p) => (seen.push(`stat ${p}`), nodeScanFs.stat(p)),
    list: (p) => (seen.push(`list ${p}`), nodeScanFs.list(p)),
    checkReadable: (p) => (seen.push(`checkReadable ${p}`), nodeScanFs.checkReadable(p)),
  };
  return { seen, scan, readWhole: async (range: FileRange) => (seen.push(`readWhole ${range.path}`), Buffer.from('fallback')) };
}

describe('createSyncWhileFastAccess: the answers', () => {
  it('gives what the thread-pool calls give: the same facts about files, folders and links', async () => {
    const access = createSyncWhileFastAccess();
    for (const p of [file, path.join(dir, 'sub'), path.join(dir, 'link')]) {
      expect(await access.scan.lstat(p)).toEqual(await nodeScanFs.lstat(p));
      expect(await access.scan.stat(p)).toEqual(await nodeScanFs.stat(p));
    }
    expect((await access.scan.lstat(path.join(dir, 'link'))).kind).toBe('symlink');
    await expect(access.scan.checkReadable(file)).resolves.toBeUndefined();
    expect((await access.readWhole({ path: file, start: 2, end: 6 })).toString()).toBe('2345');
    expect(access.mode()).toBe('sync');
  });

  it('fails as they fail: a promise rejected with the system error or the typed file error, never a throw', async () => {
    const access = createSyncWhileFastAccess();
    const missing = path.join(dir, 'missing');
    const pending = access.scan.lstat(missing);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(access.scan.stat(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(access.scan.checkReadable(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(access.readWhole({ path: missing, start: 0, end: 1 })).rejects.toMatchObject({ code: 'file-vanished' });
    await expect(access.readWhole({ path: file, start: 5, end: 20 })).rejects.toMatchObject({ code: 'file-changed' });
  });

  it('lists folders through the fallback (a call per batch of names, not per file)', async () => {
    const fallback = recordingFallback();
    const access = createSyncWhileFastAccess({ fallback });
    const names: string[] = [];
    for await (const name of access.scan.list(dir)) names.push(name);
    expect(names.sort()).toEqual(['a.txt', 'link', 'sub']);
    expect(fallback.seen).toEqual([`list ${dir}`]);
  });
});

describe('createSyncWhileFastAccess: when the storage is slow', () => {
  it(`switches every later call to the thread pool after ${SLOW_CALLS_TO_SWITCH} slow calls in a window`, async () => {
    const fallback = recordingFallback();
    const access = createSyncWhileFastAccess({ fallback, now: steppingClock(() => SLOW_CALL_MS + 1) });
    for (let i = 0; i < SLOW_CALLS_TO_SWITCH - 1; i++) await access.scan.stat(file);
    expect(access.mode()).toBe('sync');
    await access.scan.stat(file);
    expect(access.mode()).toBe('async');
    expect(fallback.seen).toEqual([]);
    await access.scan.lstat(file);
    await access.scan.stat(file);
    await access.scan.checkReadable(file);
    expect((await access.readWhole({ path: file, start: 0, end: 4 })).toString()).toBe('fallback');
    expect(fallback.seen).toEqual([`lstat ${file}`, `stat ${file}`, `checkReadable ${file}`, `readWhole ${file}`]);
  });

  it('counts failed calls too (a share that times out fails slowly)', async () => {
    const access = createSyncWhileFastAccess({ fallback: recordingFallback(), now: steppingClock(() => SLOW_CALL_MS + 1) });
    for (let i = 0; i < SLOW_CALLS_TO_SWITCH; i++) await access.scan.stat(path.join(dir, 'missing')).catch(() => undefined);
    expect(access.mode()).toBe('async');
  });

  it('stays in place through the odd slow call of a busy machine (the scheduler taking the core mid-call)', async () => {
    // One call in ten slow: three a window, well under the switch.
    const access = createSyncWhileFastAccess({ now: steppingClock((n) => (n % 10 === 0 ? 4 : 0.01)) });
    for (let i = 0; i < 1000; i++) await access.scan.stat(file);
    expect(access.mode()).toBe('sync');
  });

  it('forgets the slow calls of a window once it is over', async () => {
    // Seven slow calls at the end of one window and seven at the start of the next: never eight in one.
    const slow = SLOW_CALLS_TO_SWITCH - 1;
    const access = createSyncWhileFastAccess({
      now: steppingClock((n) => (n >= WINDOW_CALLS - slow && n < WINDOW_CALLS + slow ? SLOW_CALL_MS + 1 : 0)),
    });
    for (let i = 0; i < WINDOW_CALLS * 2; i++) await access.scan.stat(file);
    expect(access.mode()).toBe('sync');
  });

  it('does not count a call at exactly the limit as slow', async () => {
    const access = createSyncWhileFastAccess({ now: steppingClock(() => SLOW_CALL_MS) });
    for (let i = 0; i < WINDOW_CALLS; i++) await access.scan.stat(file);
    expect(access.mode()).toBe('sync');
  });
});
