import { appendFile, mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppendOnlyLog, readLog, type LogSkip } from '../../../../electron/core/storage/append-only-log.js';

interface Entry {
  readonly n: number;
  readonly key?: string;
}

function parseEntry(value: unknown): Entry {
  if (typeof value !== 'object' || value === null || typeof (value as { n?: unknown }).n !== 'number') throw new Error('not an entry');
  return value as Entry;
}

let dir: string;
let logPath: string;

async function readAll(file = logPath): Promise<{ entries: Entry[]; skips: LogSkip[] }> {
  const entries: Entry[] = [];
  const skips: LogSkip[] = [];
  for await (const entry of readLog(file, { parse: parseEntry, onSkip: (skip) => skips.push(skip) })) entries.push(entry);
  return { entries, skips };
}

/** Counts FileHandle datasync calls (the commits). */
async function spyOnDatasync(): Promise<{ mock: { calls: unknown[] } }> {
  const probe = await open(path.join(dir, 'probe'), 'w');
  const spy = vi.spyOn(Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }, 'datasync');
  await probe.close();
  return spy;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-log-'));
  logPath = path.join(dir, 'history', 'uploads.jsonl');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('AppendOnlyLog', () => {
  it('appends JSON lines in order, durably, to a private file', async () => {
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    await log.append({ n: 1, key: 'a b+c.txt' });
    await log.append({ n: 2, key: '日本語\n' });
    await log.close();
    expect(await readFile(logPath, 'utf8')).toBe('{"n":1,"key":"a b+c.txt"}\n{"n":2,"key":"日本語\\n"}\n');
    expect((await stat(logPath)).mode & 0o777).toBe(0o600);
    expect(await readAll()).toEqual({ entries: [{ n: 1, key: 'a b+c.txt' }, { n: 2, key: '日本語\n' }], skips: [] });
  });

  it('group-commits a burst of appends into a few fsyncs, keeping call order', async () => {
    const datasync = await spyOnDatasync();
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    await Promise.all(Array.from({ length: 100 }, (_, n) => log.append({ n })));
    await log.close();
    // The first append goes alone; the 99 made while it was syncing go together.
    expect(datasync.mock.calls.length).toBeLessThanOrEqual(3);
    expect((await readAll()).entries.map((entry) => entry.n)).toEqual(Array.from({ length: 100 }, (_, n) => n));
  });

  it('with a commit interval, spaces commits out: appends made meanwhile wait and share one fsync', async () => {
    const datasync = await spyOnDatasync();
    const log = new AppendOnlyLog<Entry>({ path: logPath, commitIntervalMs: 100 });
    // Measured from before the first commit began, so a slow disk can only make the others later, never
    // seemingly early (the interval runs from when a commit begins, not from when its fsync returned).
    const started = performance.now();
    await log.append({ n: 0 });
    const settled: number[] = [];
    const appended = Array.from({ length: 3 }, (_, i) => log.append({ n: i + 1 }).then(() => settled.push(performance.now() - started)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toEqual([]);
    await Promise.all(appended);
    // The first went at once; the others went together once the interval had passed.
    expect(datasync.mock.calls.length).toBe(2);
    // Why 95: Node's timers may fire a millisecond or so before their time as performance.now() counts it.
    for (const ms of settled) expect(ms).toBeGreaterThanOrEqual(95);
    await log.close();
    expect((await readAll()).entries.map((entry) => entry.n)).toEqual([0, 1, 2, 3]);
  });

  it('flush commits what was appended without waiting out the interval, and close does too', async () => {
    const log = new AppendOnlyLog<Entry>({ path: logPath, commitIntervalMs: 60_000 });
    await log.append({ n: 1 });
    let second = false;
    void log.append({ n: 2 }).then(() => (second = true));
    const started = performance.now();
    await log.flush();
    expect(second).toBe(true);
    expect((await readAll()).entries.map((entry) => entry.n)).toEqual([1, 2]);
    await log.flush();
    const third = log.append({ n: 3 });
    await log.close();
    await third;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await readAll()).entries.map((entry) => entry.n)).toEqual([1, 2, 3]);
  });

  it('rejects an unserialisable entry and refuses appends after close', async () => {
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    await expect(log.append({ n: 1n as unknown as number })).rejects.toThrow(TypeError);
    await log.close();
    await expect(log.append({ n: 1 })).rejects.toThrow('closed');
  });

  it('repairs a torn last line before appending, so the next entry is not lost', async () => {
    await writeFile(path.join(await ensureDir(), 'uploads.jsonl'), '{"n":1}\n{"n":2}\n{"n":3,"ke');
    expect(await readAll()).toEqual({ entries: [{ n: 1 }, { n: 2 }], skips: [{ line: 3, reason: 'torn-tail' }] });
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    await log.append({ n: 4 });
    await log.close();
    expect(await readFile(logPath, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":4}\n');
    expect(await readAll()).toEqual({ entries: [{ n: 1 }, { n: 2 }, { n: 4 }], skips: [] });
  });

  it('keeps a last line that only lost its newline', async () => {
    await writeFile(path.join(await ensureDir(), 'uploads.jsonl'), '{"n":1}\n{"n":2}');
    expect((await readAll()).entries).toEqual([{ n: 1 }, { n: 2 }]);
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    await log.append({ n: 3 });
    await log.close();
    expect(await readFile(logPath, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
  });

  it('cuts a torn file that has no complete line at all', async () => {
    await writeFile(path.join(await ensureDir(), 'uploads.jsonl'), '{"n":1,');
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    await log.append({ n: 2 });
    await log.close();
    expect(await readFile(logPath, 'utf8')).toBe('{"n":2}\n');
  });

  it('compacts atomically: keeps what is wanted, then only the newest, dropping bad lines', async () => {
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    for (let n = 1; n <= 10; n++) await log.append({ n });
    await appendFile(logPath, 'garbage\n');
    await log.append({ n: 11 });
    const skips: LogSkip[] = [];
    const result = await log.compact({ parse: parseEntry, keep: (entry) => entry.n % 2 === 1, keepLast: 3, onSkip: (skip) => skips.push(skip) });
    expect(result).toEqual({ kept: 3 });
    expect(skips).toEqual([{ line: 11, reason: 'malformed' }]);
    await log.append({ n: 12 });
    await log.close();
    expect((await readAll()).entries.map((entry) => entry.n)).toEqual([7, 9, 11, 12]);
    expect(await readdir(path.dirname(logPath))).toEqual(['uploads.jsonl']);
  });

  it('lets appends made during a compaction wait and land after it', async () => {
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    for (let n = 1; n <= 5; n++) await log.append({ n });
    const compacting = log.compact({ parse: parseEntry, keepLast: 2 });
    const late = log.append({ n: 6 });
    await Promise.all([compacting, late]);
    await log.close();
    expect((await readAll()).entries.map((entry) => entry.n)).toEqual([4, 5, 6]);
  });

  it('compacts a missing log into an empty one', async () => {
    const log = new AppendOnlyLog<Entry>({ path: logPath });
    expect(await log.compact({ parse: parseEntry })).toEqual({ kept: 0 });
    expect(await readFile(logPath, 'utf8')).toBe('');
  });
});

describe('readLog', () => {
  it('reads a missing log as empty', async () => {
    expect(await readAll(path.join(dir, 'none.jsonl'))).toEqual({ entries: [], skips: [] });
  });

  it('skips bad lines anywhere, with their line numbers, and ignores blank lines', async () => {
    await writeFile(path.join(await ensureDir(), 'uploads.jsonl'), '{"n":1}\n\n{oops}\n{"m":2}\n{"n":3}\n');
    expect(await readAll()).toEqual({
      entries: [{ n: 1 }, { n: 3 }],
      skips: [
        { line: 3, reason: 'malformed' },
        { line: 4, reason: 'malformed' },
      ],
    });
  });

  it('streams a long log with lines split across chunks', async () => {
    const lines = Array.from({ length: 5000 }, (_, n) => `${JSON.stringify({ n, key: 'k'.repeat(n % 300) })}\n`).join('');
    await writeFile(path.join(await ensureDir(), 'uploads.jsonl'), lines);
    const { entries, skips } = await readAll();
    expect(entries).toHaveLength(5000);
    expect(entries[4999]).toEqual({ n: 4999, key: 'k'.repeat(4999 % 300) });
    expect(skips).toEqual([]);
  });

  it('skips a line longer than any entry without buffering it whole', async () => {
    const garbage = 'x'.repeat(2 * 1024 * 1024);
    await writeFile(path.join(await ensureDir(), 'uploads.jsonl'), `{"n":1}\n${garbage}\n{"n":2}\n${garbage}`);
    expect(await readAll()).toEqual({
      entries: [{ n: 1 }, { n: 2 }],
      skips: [
        { line: 2, reason: 'malformed' },
        { line: 4, reason: 'torn-tail' },
      ],
    });
  });
});

async function ensureDir(): Promise<string> {
  await mkdir(path.dirname(logPath), { recursive: true });
  return path.dirname(logPath);
}
