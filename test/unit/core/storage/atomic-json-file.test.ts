import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicJsonFile, type AtomicWriter } from '../../../../electron/core/storage/atomic-json-file.js';
import { isTempNameFor, tempPathFor, writeFileAtomic } from '../../../../electron/core/storage/atomic-write.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

interface Queue {
  readonly items: readonly string[];
}

/** Accepts `{ items: string[] }`; migrates version 1 (`{ files: [...] }`). */
function parseQueue(data: unknown, version: number): Queue {
  const value = (version === 1 ? { items: (data as { files?: unknown }).files } : data) as { items?: unknown };
  if (!Array.isArray(value.items) || !value.items.every((item) => typeof item === 'string')) throw new Error('not a queue');
  return { items: value.items as string[] };
}

let dir: string;
let file: string;
const NOW = Date.UTC(2024, 10, 12, 8, 32, 38, 123);
const open = (overrides: { writer?: AtomicWriter; version?: number } = {}) =>
  new AtomicJsonFile<Queue>({ path: file, version: overrides.version ?? 2, parse: parseQueue, description: 'upload queue', now: () => NOW, ...(overrides.writer === undefined ? {} : { writer: overrides.writer }) });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-json-'));
  file = path.join(dir, 'state', 'queue.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('AtomicJsonFile', () => {
  it('reads a missing file as missing (value undefined)', async () => {
    expect(await open().read()).toEqual({ kind: 'missing', value: undefined });
  });

  it('writes a versioned envelope, creating the folder, with mode 0600, and reads it back', async () => {
    await open().write({ items: ['a', 'b'] });
    expect(await readFile(file, 'utf8')).toBe('{"version":2,"data":{"items":["a","b"]}}\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await open().read()).toEqual({ kind: 'ok', value: { items: ['a', 'b'] } });
    expect(await readdir(path.dirname(file))).toEqual(['queue.json']);
  });

  it('migrates an older version through parse', async () => {
    await writeFile(path.join(await ensureDir(), 'queue.json'), '{"version":1,"data":{"files":["old"]}}');
    expect(await open().read()).toEqual({ kind: 'ok', value: { items: ['old'] } });
  });

  it('ignores a temporary file left by a crash mid-write', async () => {
    await open().write({ items: ['committed'] });
    await writeFile(tempPathFor(file), '{"version":2,"data":{"items":["half-writ');
    expect(await open().read()).toEqual({ kind: 'ok', value: { items: ['committed'] } });
  });

  it('keeps the old document when a write fails before the rename', async () => {
    await open().write({ items: ['old'] });
    const crashing: AtomicWriter = async (temp) => {
      await writeFile(temp, 'partial');
      throw new Error('power cut');
    };
    await expect(open({ writer: crashing }).write({ items: ['new'] })).rejects.toThrow('power cut');
    expect(await open().read()).toEqual({ kind: 'ok', value: { items: ['old'] } });
  });

  it.each([
    ['not JSON', '{"version":2,"data":{"items":[', 'corrupt'],
    ['empty', '', 'corrupt'],
    ['not our envelope', '["a"]', 'corrupt'],
    ['no version', '{"data":{"items":[]}}', 'corrupt'],
    ['invalid data', '{"version":2,"data":{"items":[1,2]}}', 'invalid'],
  ])('moves a %s file aside, keeps it, and says where it went', async (_name, content, reason) => {
    await writeFile(path.join(await ensureDir(), 'queue.json'), content);
    const result = await open().read();
    expect(result).toMatchObject({ kind: 'set-aside', value: undefined, reason, movedTo: `${file}.corrupt-20241112T083238.123Z` });
    if (result.kind !== 'set-aside') return;
    expect(result.error.code).toBe('state-file-unreadable');
    expect(result.error.message).toBe('The upload queue was damaged and could not be read, so it starts empty.');
    expect(result.error.hint).toContain(result.movedTo);
    expect(await readFile(result.movedTo, 'utf8')).toBe(content);
    expect(await open().read()).toEqual({ kind: 'missing', value: undefined });
  });

  it('sets aside a document from a newer version without trying to parse it', async () => {
    await writeFile(path.join(await ensureDir(), 'queue.json'), '{"version":3,"data":{"shape":"unknown"}}');
    const result = await open().read();
    expect(result).toMatchObject({ kind: 'set-aside', reason: 'future-version' });
    if (result.kind === 'set-aside') {
      expect(result.error.message).toContain('newer version of Dropsign (format 3; this version reads up to 2)');
      expect(result.error.hint).toContain('Update Dropsign');
    }
  });

  it('never overwrites an earlier set-aside file', async () => {
    const folder = await ensureDir();
    await writeFile(path.join(folder, 'queue.json'), 'first');
    const first = await open().read();
    await writeFile(path.join(folder, 'queue.json'), 'second');
    const second = await open().read();
    expect(first.kind === 'set-aside' && second.kind === 'set-aside').toBe(true);
    if (first.kind !== 'set-aside' || second.kind !== 'set-aside') return;
    expect(second.movedTo).toBe(`${first.movedTo}-2`);
    expect(await readFile(first.movedTo, 'utf8')).toBe('first');
    expect(await readFile(second.movedTo, 'utf8')).toBe('second');
  });

  it('throws state-file-unreadable when the path cannot be read at all', async () => {
    await ensureDir();
    await mkdir(file);
    await expect(open().read()).rejects.toSatisfy((error: unknown) => error instanceof DropsignError && error.code === 'state-file-unreadable');
  });

  it('serialises concurrent writes: never two at once, the newest value wins, every caller resolves', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const written: string[] = [];
    const slow: AtomicWriter = async (temp, final, text, mode) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await writeFileAtomic(temp, final, text, mode);
      written.push(text);
      inFlight--;
    };
    const store = open({ writer: slow });
    const writes = Array.from({ length: 20 }, (_, i) => store.write({ items: [`v${i}`] }));
    await Promise.all(writes);
    expect(maxInFlight).toBe(1);
    // The first write starts at once; the 19 calls made meanwhile merge into one.
    expect(written).toHaveLength(2);
    expect(await open().read()).toEqual({ kind: 'ok', value: { items: ['v19'] } });
    expect((await readdir(path.dirname(file))).filter((name) => isTempNameFor('queue.json', name))).toEqual([]);
  });

  it('snapshots the value at the call, not at the write', async () => {
    const items = ['a'];
    const pending = open().write({ items });
    items.push('b');
    await pending;
    expect((await open().read()).value).toEqual({ items: ['a'] });
  });

  it('rejects an unserialisable value at once', async () => {
    await expect(open().write({ items: [1n as unknown as string] })).rejects.toThrow(TypeError);
    expect(await open().read()).toEqual({ kind: 'missing', value: undefined });
  });

  it('refuses a version that is not a whole number from 1', () => {
    expect(() => open({ version: 0 })).toThrow(RangeError);
  });
});

async function ensureDir(): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  return path.dirname(file);
}
