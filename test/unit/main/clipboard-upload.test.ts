/** "Upload clipboard": files in each OS's format, else an image saved as PNG (electron/main/clipboard-*.ts). */
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  parseGnomeCopiedFiles,
  parseMacFilenames,
  parseUriList,
  parseWindowsDropFiles,
  parseWindowsFileNameW,
  readClipboardFiles,
  type ClipboardEntry,
} from '../../../electron/main/clipboard-files.js';
import { saveClipboardImageFile, sweepSpool, uploadClipboard, type ClipboardUploadDeps } from '../../../electron/main/clipboard-upload.js';

const entry = (payloads: Record<string, unknown>): ClipboardEntry => ({
  types: Object.keys(payloads),
  getType: async (type) => payloads[type],
});
const raw = (name: string) => `electron application/osclipboard;format="${name}"`;

function dropFiles(paths: string[]): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt32LE(20, 0);
  header.writeUInt32LE(1, 16); // fWide
  return Buffer.concat([header, Buffer.from(`${paths.join('\0')}\0\0`, 'utf16le')]);
}

describe('clipboard file formats', () => {
  it('parses uri lists, GNOME copies, macOS property lists and Windows lists', () => {
    expect(parseUriList('# comment\r\nfile:///home/me/a%20b.png\r\nhttps://x/y\nfile:///tmp/c.txt\n', 'linux')).toEqual(['/home/me/a b.png', '/tmp/c.txt']);
    expect(parseGnomeCopiedFiles('copy\nfile:///home/me/a.png\nfile:///home/me/%C3%A9.txt')).toEqual(['/home/me/a.png', '/home/me/é.txt']);
    expect(parseGnomeCopiedFiles('paste\nfile:///x')).toEqual([]);
    expect(parseMacFilenames('<plist><array><string>/Users/me/a &amp; b.png</string><string>/Users/me/&#233;.txt</string><string>relative</string></array></plist>')).toEqual([
      '/Users/me/a & b.png',
      '/Users/me/é.txt',
    ]);
    expect(parseWindowsDropFiles(dropFiles(['C:\\Users\\me\\a.png', 'D:\\中文.txt']))).toEqual(['C:\\Users\\me\\a.png', 'D:\\中文.txt']);
    expect(parseWindowsDropFiles(Buffer.alloc(4))).toEqual([]);
    expect(parseWindowsFileNameW(Buffer.from('C:\\a.png\0', 'utf16le'))).toEqual(['C:\\a.png']);
  });

  it('reads each OS\'s format from clipboard entries (MIME types and raw platform formats)', async () => {
    const linux = [entry({ [raw('x-special/gnome-copied-files')]: new Blob(['copy\nfile:///home/me/a.png']), 'text/plain': 'a.png' })];
    expect(await readClipboardFiles(linux, 'linux')).toEqual(['/home/me/a.png']);
    expect(await readClipboardFiles([entry({ 'text/uri-list': 'file:///home/me/b.png' })], 'linux')).toEqual(['/home/me/b.png']);
    const mac = [entry({ [raw('public.file-url')]: Buffer.from('file:///Users/me/a.png') }), entry({ [raw('public.file-url')]: 'file:///Users/me/b.png' })];
    expect(await readClipboardFiles(mac, 'darwin')).toEqual(['/Users/me/a.png', '/Users/me/b.png']);
    const windows = [entry({ [raw('CF_HDROP')]: new Blob([dropFiles(['C:\\a.png', 'C:\\b.png'])]) })];
    expect(await readClipboardFiles(windows, 'win32')).toEqual(['C:\\a.png', 'C:\\b.png']);
    expect(await readClipboardFiles([entry({ 'text/plain': '/etc/passwd' })], 'linux')).toEqual([]);
  });
});

function deps(entries: ClipboardEntry[], overrides: Partial<ClipboardUploadDeps> = {}) {
  const spoolDir = path.join(mkdtempSync(path.join(tmpdir(), 'dropsign-clip-')), 'clipboard');
  const enqueue = vi.fn(async (paths: readonly string[]) => ({ ok: true as const, value: { profile: 'local', ids: paths.map((_, i) => `t${i}`), problems: [], alreadyQueued: 0 } }));
  return {
    spoolDir,
    enqueue,
    deps: {
      read: async () => entries,
      toPng: vi.fn(() => Buffer.from('png-from-jpeg')),
      platform: 'linux' as const,
      spoolDir,
      now: () => new Date(2026, 10, 21, 8, 15, 3),
      enqueue,
      ...overrides,
    },
  };
}

describe('uploadClipboard', () => {
  it('uploads copied files as they are', async () => {
    const { deps: d, enqueue } = deps([entry({ 'text/uri-list': 'file:///home/me/a.png\nfile:///home/me/b.png' })]);
    const outcome = await uploadClipboard(d);
    expect(outcome.kind).toBe('files');
    expect(enqueue).toHaveBeenCalledWith(['/home/me/a.png', '/home/me/b.png']);
  });

  it('saves an image as a PNG in the spool folder (private), then uploads that file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);
    const { deps: d, enqueue, spoolDir } = deps([entry({ 'image/png': new Blob([png]) })]);
    const first = await uploadClipboard(d);
    const second = await uploadClipboard(d);
    expect(first).toMatchObject({ kind: 'image', path: path.join(spoolDir, 'pasted-20261121-081503.png') });
    expect(second).toMatchObject({ kind: 'image', path: path.join(spoolDir, 'pasted-20261121-081503-2.png') });
    expect(readFileSync(path.join(spoolDir, 'pasted-20261121-081503.png'))).toEqual(png);
    expect(enqueue).toHaveBeenNthCalledWith(1, [path.join(spoolDir, 'pasted-20261121-081503.png')]);
  });

  it('converts another image type to PNG first', async () => {
    const { deps: d, spoolDir } = deps([entry({ 'image/jpeg': new Blob([Buffer.from([0xff, 0xd8, 0xff])]) })]);
    const outcome = await uploadClipboard(d);
    expect(outcome.kind).toBe('image');
    expect(d.toPng).toHaveBeenCalled();
    expect(readFileSync(path.join(spoolDir, readdirSync(spoolDir)[0] ?? '')).toString()).toBe('png-from-jpeg');
  });

  it('says when there is nothing to upload, and reports a spool it cannot write', async () => {
    expect(await uploadClipboard(deps([entry({ 'text/plain': 'hello' })]).deps)).toEqual({ kind: 'empty' });
    expect(await uploadClipboard(deps([]).deps)).toEqual({ kind: 'empty' });
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), 'dropsign-clip-')), 'file');
    writeFileSync(blocked, 'not a folder');
    const outcome = await uploadClipboard(deps([entry({ 'image/png': Buffer.from('x') })], { spoolDir: path.join(blocked, 'sub') }).deps);
    expect(outcome.kind).toBe('failed');
  });
});

describe('saveClipboardImageFile (an image pasted into the window)', () => {
  it('saves the image as a PNG in the spool folder and returns the file, converting other types first', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7]);
    const { deps: d, spoolDir } = deps([entry({ 'image/png': new Blob([png]) })]);
    const file = await saveClipboardImageFile(d);
    expect(file).toBe(path.join(spoolDir, 'pasted-20261121-081503.png'));
    expect(readFileSync(file ?? '')).toEqual(png);
    const jpeg = deps([entry({ 'image/jpeg': new Blob([Buffer.from([0xff, 0xd8, 0xff])]) })]).deps;
    expect(readFileSync((await saveClipboardImageFile(jpeg)) ?? '').toString()).toBe('png-from-jpeg');
  });

  it('returns nothing when the clipboard holds no image (copied files are not an image)', async () => {
    expect(await saveClipboardImageFile(deps([entry({ 'text/plain': 'hello' })]).deps)).toBeUndefined();
    expect(await saveClipboardImageFile(deps([entry({ 'text/uri-list': 'file:///home/me/a.png' })]).deps)).toBeUndefined();
  });

  it('throws the typed file-unreadable error when the spool cannot be written', async () => {
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), 'dropsign-clip-')), 'file');
    writeFileSync(blocked, 'not a folder');
    const d = deps([entry({ 'image/png': Buffer.from('x') })], { spoolDir: path.join(blocked, 'sub') }).deps;
    await expect(saveClipboardImageFile(d)).rejects.toMatchObject({ code: 'file-unreadable', hint: expect.stringContaining('free space') });
  });
});

describe('spool', () => {
  it('sweeps week-old saved images only (named as now, or as the app named them before), nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dropsign-spool-'));
    const now = Date.now();
    const files = [
      ['pasted-20261101-120000.png', 8],
      ['clipboard-2026-11-01-120000.png', 8],
      ['pasted-20261120-120000-2.png', 1],
      ['other.png', 30],
      ['pasted-notes.txt', 30],
    ] as const;
    for (const [name, ageDays] of files) {
      writeFileSync(path.join(dir, name), 'x');
      const when = new Date(now - ageDays * 86_400_000);
      utimesSync(path.join(dir, name), when, when);
    }
    expect(await sweepSpool(dir, now)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['other.png', 'pasted-20261120-120000-2.png', 'pasted-notes.txt']);
    expect(await sweepSpool(path.join(dir, 'missing'), now)).toBe(0);
  });
});
