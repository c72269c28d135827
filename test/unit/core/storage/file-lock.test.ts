import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../electron/core/storage/file-lock.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-lock-'));
  file = path.join(dir, 'state', 'profiles.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = { description: 'profile list' };
const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('withFileLock', () => {
  it('runs the task under the lock (making the folder) and releases it afterwards', async () => {
    const during = await withFileLock(file, async () => readdir(path.dirname(file)), options);
    expect(during).toEqual(['profiles.json.lock']);
    expect(await readdir(path.dirname(file))).toEqual([]);
  });

  it('makes a second holder wait until the first has finished', async () => {
    const order: string[] = [];
    const first = withFileLock(file, async () => {
      order.push('first in');
      await later(150);
      order.push('first out');
    }, options);
    await later(20);
    const second = withFileLock(file, async () => void order.push('second in'), options);
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('releases the lock when the task throws, and passes the error on', async () => {
    await expect(withFileLock(file, () => Promise.reject(new Error('disk full')), options)).rejects.toThrow('disk full');
    expect(await withFileLock(file, () => Promise.resolve('next'), options)).toBe('next');
  });

  it('gives up on a lock held too long with state-file-busy, naming the file and what to do', async () => {
    let release: () => void = () => undefined;
    const holder = withFileLock(file, () => new Promise<void>((resolve) => (release = resolve)), options);
    await later(20);
    const error = await withFileLock(file, () => Promise.resolve(), { ...options, retries: { retries: 2, minTimeout: 10, maxTimeout: 10 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DropsignError);
    expect(error).toMatchObject({ code: 'state-file-busy', details: { path: file } });
    expect((error as DropsignError).message).toContain('profile list');
    expect((error as DropsignError).hint).toMatch(/Try again/);
    release();
    await holder;
  });

  it('takes over the lock a crashed process left behind once it is stale', async () => {
    // What a killed holder leaves: the lock folder, no longer refreshed.
    await mkdir(`${file}.lock`, { recursive: true });
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    expect(await withFileLock(file, () => Promise.resolve('taken over'), { ...options, retries: 0 })).toBe('taken over');
  });

  it('does not take over a fresh lock', async () => {
    await mkdir(`${file}.lock`, { recursive: true });
    await expect(withFileLock(file, () => Promise.resolve(), { ...options, retries: 0 })).rejects.toMatchObject({ code: 'state-file-busy' });
  });
});
