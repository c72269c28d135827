/**
 * The files of a drop or a file picker, each with its place in what was picked (`folder/sub/name`).
 * Browser mode needs every file's bytes, so dropped folders are walked here; the desktop host walks them
 * itself from their paths, so there the dropped items are taken as they are.
 */
import type { PickedFile } from '../../bridge/dropsign-api.js';
import { pastedImageName } from '../../../../electron/shared/pasted-image-name.js';

/** Why 10,000: the most paths one `transfers:enqueue` takes (MAX_ENQUEUE_PATHS in electron/shared/ipc/schemas.ts). */
export const MAX_PICKED_FILES = 10_000;

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** All entries of a folder (a reader answers in chunks of about 100 until an empty one). */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: PickedFile[]): Promise<void> {
  if (out.length >= MAX_PICKED_FILES) return;
  const relativePath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath });
  } else if (entry.isDirectory) {
    const children = await entriesOf(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) await walk(child, relativePath, out);
  }
}

/**
 * The files of a drop. Must be called inside the drop handler: the browser empties the DataTransfer
 * when the handler returns, so the items are read at once and only the folder walk is asynchronous.
 */
export function filesFromDrop(data: DataTransfer, walkFolders: boolean): Promise<PickedFile[]> {
  if (!walkFolders) return Promise.resolve([...data.files].map((file) => ({ file, relativePath: file.name })));
  const items = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  return (async () => {
    const out: PickedFile[] = [];
    for (const { entry, file } of items) {
      // Files made by a page (not read from disk) have no entry.
      if (entry !== null) await walk(entry, '', out);
      else if (file !== null) out.push({ file, relativePath: file.name });
    }
    return out.slice(0, MAX_PICKED_FILES);
  })();
}

/**
 * The name a browser gives any image pasted from the clipboard (a screenshot, a copied picture); such
 * files are renamed, or every paste would overwrite the last one's key.
 */
const GENERIC_PASTE_NAME = /^image\.(png|jpe?g|gif|webp|bmp|tiff?)$/i;

/** The files of a paste (Ctrl/Cmd+V): files copied in a file manager keep their names; a pasted image gets a dated one. */
export function filesFromClipboard(list: FileList | readonly File[], at: Date = new Date()): PickedFile[] {
  return [...list].slice(0, MAX_PICKED_FILES).map((file) => {
    const generic = GENERIC_PASTE_NAME.exec(file.name);
    if (generic === null) return { file, relativePath: file.name, origin: 'paste' };
    const renamed = new File([file], pastedImageName(at, generic[1] ?? 'png'), { type: file.type, lastModified: file.lastModified });
    return { file: renamed, relativePath: renamed.name, origin: 'paste' };
  });
}

/** The files of an `<input type="file">`; a folder picker gives each file's path inside the folder. */
export function filesFromInput(list: FileList): PickedFile[] {
  return [...list].slice(0, MAX_PICKED_FILES).map((file) => ({ file, relativePath: file.webkitRelativePath === '' ? file.name : file.webkitRelativePath }));
}
