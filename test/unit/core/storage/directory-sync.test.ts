import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectorySyncer, type DirectoryHandle } from '../../../../electron/core/storage/directory-sync.js';

/** Fake directories: counts opens, syncs and closes; syncs can be held until released. */
class FakeDirs {
  readonly opened: string[] = [];
  readonly closed: string[] = [];
  readonly synced: string[] = [];
  hold = false;
  readonly #held: (() => void)[] = [];
  failOpens = 0;

  readonly open = (dir: string): Promise<DirectoryHandle> => {
    if (this.failOpens > 0) {
      this.failOpens--;
      return Promise.reject(Object.assign(new Error('no'), { code: 'EPERM' }));
    }
    this.opened.push(dir);
    return Promise.resolve({
      sync: () => {
        this.synced.push(dir);
        return this.hold ? new Promise<void>((resolve) => this.#held.push(resolve)) : Promise.resolve();
      },
      close: () => {
        this.closed.push(dir);
        return Promise.resolve();
      },
    });
  };

  /** Lets the oldest held sync finish. */
  releaseOne(): void {
    this.#held.shift()?.();
  }

  get heldCount(): number {
    return this.#held.length;
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('DirectorySyncer', () => {
  it('opens a directory once and fsyncs it through the same handle every time', async () => {
    const dirs = new FakeDirs();
    const syncer = new DirectorySyncer({ openDir: dirs.open });
    for (let i = 0; i < 5; i++) await syncer.sync('/d/a');
    expect(dirs.opened).toEqual(['/d/a']);
    expect(dirs.synced).toHaveLength(5);
    await syncer.close();
    expect(dirs.closed).toEqual(['/d/a']);
  });

  it('group-commits: callers that arrive while a sync runs wait for the next one, which they share', async () => {
    const dirs = new FakeDirs();
    dirs.hold = true;
    const syncer = new DirectorySyncer({ openDir: dirs.open });
    const done: string[] = [];
    const first = syncer.sync('/d/a').then(() => done.push('first'));
    await tick();
    expect(dirs.synced).toHaveLength(1);
    const later = ['x', 'y', 'z'].map((name) => syncer.sync('/d/a').then(() => done.push(name)));
    await tick();
    expect(dirs.synced).toHaveLength(1);
    dirs.releaseOne();
    await first;
    await tick();
    // The first sync may have begun before their renames: they wait for a second one, started now.
    expect(done).toEqual(['first']);
    expect(dirs.synced).toHaveLength(2);
    dirs.releaseOne();
    await Promise.all(later);
    expect(done).toEqual(['first', 'x', 'y', 'z']);
    expect(dirs.synced).toHaveLength(2);
    await syncer.close();
  });

  it('keeps different directories apart: a sync of one never waits for another', async () => {
    const dirs = new FakeDirs();
    dirs.hold = true;
    const syncer = new DirectorySyncer({ openDir: dirs.open });
    void syncer.sync('/d/a');
    void syncer.sync('/d/b');
    await tick();
    expect(dirs.synced.sort()).toEqual(['/d/a', '/d/b']);
    dirs.releaseOne();
    dirs.releaseOne();
    await syncer.close();
  });

  it('keeps at most maxHandles open, closing the least recently used idle one', async () => {
    const dirs = new FakeDirs();
    const syncer = new DirectorySyncer({ openDir: dirs.open, maxHandles: 2 });
    await syncer.sync('/d/a');
    await syncer.sync('/d/b');
    await syncer.sync('/d/a');
    await syncer.sync('/d/c');
    await tick();
    expect(dirs.closed).toEqual(['/d/b']);
    await syncer.sync('/d/b');
    await tick();
    expect(dirs.opened).toEqual(['/d/a', '/d/b', '/d/c', '/d/b']);
    await syncer.close();
    expect(dirs.closed.sort()).toEqual(['/d/a', '/d/b', '/d/b', '/d/c']);
  });

  it('never rejects: a directory that cannot be opened is skipped, and tried again next time', async () => {
    const dirs = new FakeDirs();
    dirs.failOpens = 1;
    const syncer = new DirectorySyncer({ openDir: dirs.open });
    await expect(syncer.sync('/d/a')).resolves.toBeUndefined();
    expect(dirs.synced).toEqual([]);
    await syncer.sync('/d/a');
    expect(dirs.synced).toEqual(['/d/a']);
    await syncer.close();
  });

  it('close waits for the syncs in flight, then closes every handle', async () => {
    const dirs = new FakeDirs();
    dirs.hold = true;
    const syncer = new DirectorySyncer({ openDir: dirs.open });
    const pending = syncer.sync('/d/a');
    await tick();
    let closed = false;
    const closing = syncer.close().then(() => (closed = true));
    await tick();
    expect(closed).toBe(false);
    dirs.releaseOne();
    await Promise.all([pending, closing]);
    expect(dirs.closed).toEqual(['/d/a']);
    expect(dirs.heldCount).toBe(0);
  });

  it('syncs real directories', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dropsign-dirsync-'));
    try {
      const syncer = new DirectorySyncer();
      await Promise.all([syncer.sync(dir), syncer.sync(dir), syncer.sync(path.join(dir, 'missing'))]);
      await syncer.close();
      await syncer.sync(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
