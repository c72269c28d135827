import { describe, expect, it } from 'vitest';
import { filesFromClipboard, filesFromDrop } from '../../../../../renderer/src/features/drop-zone/collect-files.js';

/** A file entry of a dropped folder. */
function fileEntry(name: string): FileSystemFileEntry {
  return { isFile: true, isDirectory: false, name, file: (resolve: (file: File) => void) => resolve(new File([name], name)) } as unknown as FileSystemFileEntry;
}

/** A folder entry whose reader answers its children in chunks of two, then an empty chunk (as browsers do, in chunks of about 100). */
function folderEntry(name: string, children: readonly FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let next = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          resolve(children.slice(next, next + 2));
          next += 2;
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

function dropOf(items: readonly { entry: FileSystemEntry | null; file: File | null }[]): DataTransfer {
  return {
    files: items.map((item) => item.file).filter((file): file is File => file !== null),
    items: items.map((item) => ({ kind: 'file', webkitGetAsEntry: () => item.entry, getAsFile: () => item.file })),
  } as unknown as DataTransfer;
}

describe('filesFromDrop', () => {
  it('walks a dropped folder, keeping each file’s place in it, sorted by name', async () => {
    const album = folderEntry('album', [fileEntry('b.jpg'), folderEntry('day 2', [fileEntry('z.txt'), fileEntry('a.txt'), fileEntry('m.txt')]), fileEntry('a.jpg')]);
    const loose = new File(['made by a page'], 'note.txt');
    const picked = await filesFromDrop(dropOf([{ entry: album, file: null }, { entry: null, file: loose }]), true);
    expect(picked.map((item) => item.relativePath)).toEqual(['album/a.jpg', 'album/b.jpg', 'album/day 2/a.txt', 'album/day 2/m.txt', 'album/day 2/z.txt', 'note.txt']);
  });

  it('takes the dropped items as they are where the host walks folders itself (desktop)', async () => {
    const file = new File(['x'], 'x.bin');
    const picked = await filesFromDrop(dropOf([{ entry: fileEntry('x.bin'), file }]), false);
    expect(picked).toEqual([{ file, relativePath: 'x.bin' }]);
  });
});

describe('filesFromClipboard', () => {
  it('keeps the names of copied files, gives a pasted image a dated name, and marks both as pasted', () => {
    const at = new Date(2026, 10, 21, 15, 7, 12);
    const copied = new File(['report'], 'report.pdf');
    const [first, second] = filesFromClipboard([copied, new File(['png'], 'image.png', { type: 'image/png' })], at);
    expect(first).toEqual({ file: copied, relativePath: 'report.pdf', origin: 'paste' });
    expect(second?.relativePath).toBe('pasted-20261121-150712.png');
    expect(second?.origin).toBe('paste');
    expect(second?.file.name).toBe('pasted-20261121-150712.png');
    expect(second?.file.type).toBe('image/png');
  });
});
