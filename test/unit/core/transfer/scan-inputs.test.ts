import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, linkSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeScanFs, type ScanFs } from '../../../../electron/core/transfer/scan-fs.js';
import { compareCodePoints, scanInputs, type ScanItem, type ScanProblem, type ScannedFile } from '../../../../electron/core/transfer/scan-inputs.js';

let root: string;

async function collect(iterable: AsyncIterable<ScanItem>): Promise<ScanItem[]> {
  const items: ScanItem[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const files = (items: readonly ScanItem[]): ScannedFile[] => items.filter((item): item is ScannedFile => item.kind === 'file');
const problems = (items: readonly ScanItem[]): ScanProblem[] => items.filter((item): item is ScanProblem => item.kind === 'problem');

/** An errno error as node:fs throws it. */
function errno(code: string, at: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${at}`), { code });
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dropsign-scan-'));
  const drop = path.join(root, 'drop');
  mkdirSync(path.join(drop, 'sub', 'nested'), { recursive: true });
  mkdirSync(path.join(drop, '日本語'));
  writeFileSync(path.join(drop, 'a.txt'), 'abc');
  writeFileSync(path.join(drop, 'empty.bin'), '');
  writeFileSync(path.join(drop, 'sub', '+ % # ? & space.txt'), 'odd');
  writeFileSync(path.join(drop, 'sub', 'déjà vu.txt'), 'accents');
  writeFileSync(path.join(drop, 'sub', 'nested', 'deep.txt'), 'deep');
  writeFileSync(path.join(drop, '日本語', 'ファイル.md'), '# hi');
  writeFileSync(path.join(root, 'single.jpg'), 'jpeg bytes');
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('scanInputs', () => {
  it('walks nested folders in code-point order, keeping the folder name and odd or unicode names', async () => {
    const items = await collect(scanInputs([path.join(root, 'drop'), path.join(root, 'single.jpg')]));
    expect(problems(items)).toEqual([]);
    expect(files(items).map((file) => file.relativePath)).toEqual([
      'drop/a.txt',
      'drop/empty.bin',
      'drop/sub/+ % # ? & space.txt',
      'drop/sub/déjà vu.txt',
      'drop/sub/nested/deep.txt',
      'drop/日本語/ファイル.md',
      'single.jpg',
    ]);
    const deep = files(items).find((file) => file.relativePath === 'drop/sub/nested/deep.txt');
    expect(deep).toMatchObject({ path: path.join(root, 'drop', 'sub', 'nested', 'deep.txt'), size: 4 });
    expect(deep?.mtimeMs).toBeGreaterThan(0);
  });

  it('reports zero-byte files as files', async () => {
    const [item] = await collect(scanInputs([path.join(root, 'drop', 'empty.bin')]));
    expect(item).toMatchObject({ kind: 'file', relativePath: 'empty.bin', size: 0 });
  });

  it('resolves relative inputs against cwd and scans a path given twice once', async () => {
    const items = await collect(scanInputs(['single.jpg', './single.jpg', path.join(root, 'single.jpg')], { cwd: root }));
    expect(items).toEqual([expect.objectContaining({ kind: 'file', path: path.join(root, 'single.jpg'), relativePath: 'single.jpg' })]);
  });

  it('reports a dropped path that does not exist, and an empty path, and goes on with the rest', async () => {
    const items = await collect(scanInputs([path.join(root, 'nope'), '', path.join(root, 'single.jpg')]));
    expect(items.map((item) => (item.kind === 'problem' ? item.error.code : item.relativePath))).toEqual([
      'file-not-found',
      'invalid-argument',
      'single.jpg',
    ]);
    const [missing] = problems(items);
    expect(missing?.error.message).toContain('nope');
    expect(missing?.error.details).toMatchObject({ path: path.join(root, 'nope'), errno: 'ENOENT' });
  });

  describe('symbolic links', () => {
    let links: string;

    beforeAll(() => {
      links = path.join(root, 'links');
      mkdirSync(path.join(links, 'real', 'inner'), { recursive: true });
      writeFileSync(path.join(links, 'real', 'inner', 'file.txt'), 'in real');
      symlinkSync('../single.jpg', path.join(links, 'to-file.jpg'));
      symlinkSync('real', path.join(links, 'to-dir'));
      // A link inside the tree back up to the dropped folder: the classic loop.
      symlinkSync('..', path.join(links, 'real', 'back-up'));
      symlinkSync('nowhere.txt', path.join(links, 'dangling.txt'));
      symlinkSync('self', path.join(links, 'self'));
    });

    it('follows a link to a file, under the link name, with the target size', async () => {
      const [item] = await collect(scanInputs([path.join(links, 'to-file.jpg')]));
      expect(item).toEqual(expect.objectContaining({ kind: 'file', path: path.join(links, 'to-file.jpg'), relativePath: 'to-file.jpg', size: 10 }));
    });

    it('follows a symlinked folder once and reports the loop', async () => {
      const items = await collect(scanInputs([links]));
      expect(files(items).map((file) => file.relativePath)).toEqual([
        'links/real/inner/file.txt',
        'links/to-dir/inner/file.txt',
        'links/to-file.jpg',
      ]);
      const byPath = new Map(problems(items).map((problem) => [problem.relativePath, problem.error]));
      expect(byPath.get('links/real/back-up')?.code).toBe('symlink-loop');
      expect(byPath.get('links/real/back-up')?.message).toContain(JSON.stringify(links));
      expect(byPath.get('links/to-dir/back-up')?.code).toBe('symlink-loop');
      expect(byPath.get('links/self')?.code).toBe('symlink-loop');
      expect(byPath.get('links/dangling.txt')).toMatchObject({ code: 'file-not-found' });
      expect(byPath.get('links/dangling.txt')?.message).toContain('symbolic link to something that does not exist');
      expect(byPath.size).toBe(4);
    });

    it('enters a dropped link to a folder under the link name, entering each folder once per descent', async () => {
      const items = await collect(scanInputs([path.join(links, 'to-dir')]));
      // back-up leads to the parent, which is new on this descent; inside it, real (= to-dir) is the loop.
      expect(files(items).map((file) => file.relativePath)).toEqual(['to-dir/back-up/to-file.jpg', 'to-dir/inner/file.txt']);
      expect(problems(items).map((problem) => [problem.relativePath, problem.error.code])).toEqual([
        ['to-dir/back-up/dangling.txt', 'file-not-found'],
        ['to-dir/back-up/real', 'symlink-loop'],
        ['to-dir/back-up/self', 'symlink-loop'],
        ['to-dir/back-up/to-dir', 'symlink-loop'],
      ]);
    });
  });

  it('skips a named pipe without opening it (opening would block the scan)', async () => {
    const dir = path.join(root, 'fifo');
    mkdirSync(dir);
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    writeFileSync(path.join(dir, 'ok.txt'), 'ok');
    const items = await collect(scanInputs([dir]));
    expect(files(items).map((file) => file.relativePath)).toEqual(['fifo/ok.txt']);
    expect(problems(items)).toEqual([
      expect.objectContaining({ relativePath: 'fifo/pipe', error: expect.objectContaining({ code: 'special-file' }) }),
    ]);
    expect(problems(items)[0]?.error.message).toContain('named pipe (FIFO)');
  });

  describe('with an injected file system', () => {
    const wrap = (overrides: Partial<ScanFs>): ScanFs => ({ ...nodeScanFs, ...overrides });

    it('reports a file that vanishes between listing and stat, and keeps going', async () => {
      const gone = path.join(root, 'drop', 'sub', 'déjà vu.txt');
      const fs = wrap({ lstat: (p) => (p === gone ? Promise.reject(errno('ENOENT', p)) : nodeScanFs.lstat(p)) });
      const items = await collect(scanInputs([path.join(root, 'drop')], { fs }));
      expect(files(items)).toHaveLength(5);
      expect(problems(items)).toEqual([
        expect.objectContaining({ path: gone, error: expect.objectContaining({ code: 'file-vanished' }) }),
      ]);
    });

    it('reports an unreadable folder and an unreadable file, and keeps going', async () => {
      const sub = path.join(root, 'drop', 'sub');
      const secret = path.join(root, 'drop', 'a.txt');
      const fs = wrap({
        list: (p) => (p === sub ? failingList(errno('EACCES', p)) : nodeScanFs.list(p)),
        checkReadable: (p) => (p === secret ? Promise.reject(errno('EACCES', p)) : nodeScanFs.checkReadable(p)),
      });
      const items = await collect(scanInputs([path.join(root, 'drop')], { fs }));
      expect(files(items).map((file) => file.relativePath)).toEqual(['drop/empty.bin', 'drop/日本語/ファイル.md']);
      expect(problems(items).map((problem) => [problem.relativePath, problem.error.code])).toEqual([
        ['drop/a.txt', 'file-unreadable'],
        ['drop/sub', 'file-unreadable'],
      ]);
      expect(problems(items)[1]?.error.message).toMatch(/not allowed to list the folder/);
    });

    it('looks at dropped paths several at a time, and yields them in the order given', async () => {
      const dropped = Array.from({ length: 40 }, (_, i) => path.join(bigTree, 'd00', `f${String(i).padStart(5, '0')}`));
      let inFlight = 0;
      let mostInFlight = 0;
      const fs = wrap({
        lstat: async (p) => {
          mostInFlight = Math.max(mostInFlight, ++inFlight);
          // Why a delay: lets the next lookups start before this one answers, as a busy disk would.
          await new Promise((resolve) => setTimeout(resolve, 2));
          inFlight--;
          return nodeScanFs.lstat(p);
        },
      });
      const items = await collect(scanInputs([...dropped.slice().reverse(), '', dropped[0] ?? ''], { fs }));
      expect(mostInFlight).toBeGreaterThan(1);
      expect(mostInFlight).toBeLessThanOrEqual(16);
      expect(items.map((item) => item.relativePath)).toEqual([...dropped.map((p) => path.basename(p)).reverse(), '']);
      expect(problems(items).map((problem) => problem.error.code)).toEqual(['invalid-argument']);
    });

    it('streams: the first file arrives after a handful of stats, not after the whole walk', async () => {
      let stats = 0;
      const fs = wrap({ lstat: (p) => (stats++, nodeScanFs.lstat(p)) });
      const iterator = scanInputs([bigTree], { fs });
      const first = await iterator.next();
      expect(first.value).toMatchObject({ kind: 'file', relativePath: 'big/d00/f00000' });
      // Why 33: the dropped folder, then one look-ahead window (16) of sub-folders and one of files.
      expect(stats).toBeLessThanOrEqual(33);
      await iterator.return(undefined);
    });
  });

  let bigTree: string;
  // Why 20,000: the brief's scale check, spread over 20 folders so the sorted mode holds 1,000 names at a time.
  const BIG_DIRS = 20;
  const BIG_FILES = 1000;

  beforeAll(() => {
    bigTree = path.join(root, 'big');
    const blank = path.join(root, 'blank');
    closeSync(openSync(blank, 'w'));
    for (let d = 0; d < BIG_DIRS; d++) {
      const dir = path.join(bigTree, `d${String(d).padStart(2, '0')}`);
      mkdirSync(dir, { recursive: true });
      // Hard links: real directory entries of real (empty) files, made without allocating 20,000 inodes,
      // which takes seconds on a busy disk.
      for (let f = 0; f < BIG_FILES; f++) linkSync(blank, path.join(dir, `f${String(d * BIG_FILES + f).padStart(5, '0')}`));
    }
  });

  it('streams 20,000 files in order, in either mode, holding only the current folders', async () => {
    let count = 0;
    let inOrder = true;
    let previous = '';
    for await (const item of scanInputs([bigTree])) {
      if (item.kind !== 'file' || compareCodePoints(previous, item.relativePath) >= 0) inOrder = false;
      previous = item.relativePath;
      count++;
    }
    expect(inOrder).toBe(true);
    expect(count).toBe(BIG_DIRS * BIG_FILES);
    let unsorted = 0;
    for await (const item of scanInputs([bigTree], { order: 'directory' })) if (item.kind === 'file') unsorted++;
    expect(unsorted).toBe(BIG_DIRS * BIG_FILES);
  });

  it('in directory order, yields a file before the folder has been listed to the end', async () => {
    let listed = 0;
    const fs: ScanFs = {
      ...nodeScanFs,
      list: async function* (p) {
        for await (const name of nodeScanFs.list(p)) {
          listed++;
          yield name;
        }
      },
    };
    const iterator = scanInputs([path.join(bigTree, 'd00')], { fs, order: 'directory' });
    expect((await iterator.next()).value).toMatchObject({ kind: 'file' });
    expect(listed).toBeLessThan(BIG_FILES);
    await iterator.return(undefined);
  });

  it.skipIf(process.getuid?.() === 0)('reports a folder that is really unreadable (skipped as root: root reads everything)', async () => {
    const locked = path.join(root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    try {
      const items = await collect(scanInputs([locked]));
      expect(problems(items)[0]?.error.code).toBe('file-unreadable');
    } finally {
      chmodSync(locked, 0o700);
    }
  });
});

async function* failingList(error: Error): AsyncIterable<string> {
  yield* [];
  throw error;
}

describe('compareCodePoints', () => {
  it('orders by code point (UTF-8 byte order), unlike UTF-16 comparison', () => {
    const astral = '\u{1F600}';
    const privateUse = '\uE000';
    expect(astral < privateUse).toBe(true);
    expect(compareCodePoints(astral, privateUse)).toBeGreaterThan(0);
    expect(Buffer.compare(Buffer.from(astral), Buffer.from(privateUse))).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'ab')).toBe(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
  });
});
