/**
 * What is on the clipboard, read through Electron's W3C-style clipboard (`clipboard.read()` gives
 * ClipboardItems of MIME-typed payloads; a platform format with no MIME name comes as
 * `electron application/osclipboard;format="NAME"`): the files copied in a file manager, in each OS's
 * own format, or an image. Pure parsers plus readers over the items, so each format is tested without a
 * clipboard.
 *
 * - Linux: `text/uri-list` (KDE, most toolkits) or `x-special/gnome-copied-files` (GNOME, Nautilus).
 * - macOS: `NSFilenamesPboardType` (a property list of every path), else each item's `public.file-url`.
 * - Windows: `CF_HDROP` (the DROPFILES list), else `FileNameW` (the first file).
 */
import { fileURLToPath } from 'node:url';

/** One clipboard entry, as `clipboard.read()` returns it (only what is read here). */
export interface ClipboardEntry {
  readonly types: readonly string[];
  getType(type: string): Promise<unknown>;
}

/** The type under which a platform format `name` appears: its own name, or Electron's raw wrapper. */
export function rawFormatTypes(name: string): readonly string[] {
  return [name, `electron application/osclipboard;format="${name}"`];
}

/** The bytes of a payload: a Blob (what the typings promise), a Buffer or Uint8Array, or a string. */
export async function payloadBytes(payload: unknown): Promise<Buffer | undefined> {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  if (typeof payload === 'object' && payload !== null && typeof (payload as Blob).arrayBuffer === 'function') {
    return Buffer.from(await (payload as Blob).arrayBuffer());
  }
  return undefined;
}

/** The payloads of platform format `name` in every entry that has it, in order. */
async function readFormat(entries: readonly ClipboardEntry[], name: string): Promise<Buffer[]> {
  const found: Buffer[] = [];
  for (const entry of entries) {
    const type = rawFormatTypes(name).find((candidate) => entry.types.includes(candidate));
    if (type === undefined) continue;
    const bytes = await payloadBytes(await entry.getType(type).catch(() => undefined));
    if (bytes !== undefined) found.push(bytes);
  }
  return found;
}

function fileUrlToPath(uri: string, platform: NodeJS.Platform): string | undefined {
  if (!uri.startsWith('file://')) return undefined;
  try {
    return fileURLToPath(uri, { windows: platform === 'win32' });
  } catch {
    return undefined;
  }
}

/** Paths of the `file://` URIs in a `text/uri-list` (RFC 2483: one per line, `#` starts a comment). */
export function parseUriList(text: string, platform: NodeJS.Platform = process.platform): string[] {
  const paths: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const uri = line.trim().replace(/\0+$/, '');
    if (uri === '' || uri.startsWith('#')) continue;
    const path = fileUrlToPath(uri, platform);
    if (path !== undefined) paths.push(path);
  }
  return paths;
}

/** Paths in GNOME's `x-special/gnome-copied-files`: `copy` or `cut`, then one URI a line. */
export function parseGnomeCopiedFiles(text: string): string[] {
  const [verb, ...uris] = text.split(/\r?\n/);
  if (verb !== 'copy' && verb !== 'cut') return [];
  return parseUriList(uris.join('\n'), 'linux');
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Paths in macOS's `NSFilenamesPboardType` property list (`<array><string>/path</string>...`). */
export function parseMacFilenames(plist: string): string[] {
  const paths: string[] = [];
  for (const match of plist.matchAll(/<string>([^<]*)<\/string>/g)) {
    const path = (match[1] ?? '').replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (entity, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return XML_ENTITIES[name] ?? entity;
    });
    if (path.startsWith('/')) paths.push(path);
  }
  return paths;
}

/** Why 20: the size of Windows' DROPFILES header (pFiles, pt.x, pt.y, fNC, fWide: five 32-bit fields). */
const DROPFILES_HEADER_SIZE = 20;

/** The paths in a Windows `CF_HDROP` payload: a DROPFILES header, then a double-NUL-terminated list. */
export function parseWindowsDropFiles(buffer: Buffer): string[] {
  if (buffer.length < DROPFILES_HEADER_SIZE) return [];
  const offset = buffer.readUInt32LE(0);
  const wide = buffer.readUInt32LE(16) !== 0;
  if (offset < DROPFILES_HEADER_SIZE || offset >= buffer.length) return [];
  const text = buffer.subarray(offset).toString(wide ? 'utf16le' : 'latin1');
  const end = text.indexOf('\0\0');
  return (end === -1 ? text : text.slice(0, end)).split('\0').filter((path) => path !== '');
}

/** The path in Windows' `FileNameW`: UTF-16LE, NUL-terminated. */
export function parseWindowsFileNameW(buffer: Buffer): string[] {
  const path = buffer.toString('utf16le').split('\0')[0] ?? '';
  return path === '' ? [] : [path];
}

async function firstNonEmpty(readers: readonly (() => Promise<string[]>)[]): Promise<string[]> {
  for (const read of readers) {
    const paths = await read();
    if (paths.length > 0) return paths;
  }
  return [];
}

/** The files on the clipboard, in this OS's format; empty when it holds none. */
export async function readClipboardFiles(entries: readonly ClipboardEntry[], platform: NodeJS.Platform): Promise<string[]> {
  const text = async (name: string): Promise<string[]> => (await readFormat(entries, name)).map((bytes) => bytes.toString('utf8'));
  if (platform === 'darwin') {
    return firstNonEmpty([
      async () => (await text('NSFilenamesPboardType')).flatMap(parseMacFilenames),
      async () => (await text('public.file-url')).flatMap((uri) => parseUriList(uri, platform)),
    ]);
  }
  if (platform === 'win32') {
    return firstNonEmpty([
      async () => (await readFormat(entries, 'CF_HDROP')).flatMap(parseWindowsDropFiles),
      async () => (await readFormat(entries, 'FileNameW')).flatMap(parseWindowsFileNameW),
    ]);
  }
  return firstNonEmpty([
    async () => (await text('x-special/gnome-copied-files')).flatMap(parseGnomeCopiedFiles),
    async () => (await text('text/uri-list')).flatMap((list) => parseUriList(list, platform)),
  ]);
}

/** An image on the clipboard: its bytes and MIME type (`image/png` first, as screenshots come). */
export async function readClipboardImage(entries: readonly ClipboardEntry[]): Promise<{ bytes: Buffer; type: string } | undefined> {
  for (const preferred of [(type: string) => type === 'image/png', (type: string) => type.startsWith('image/')]) {
    for (const entry of entries) {
      const type = entry.types.find(preferred);
      if (type === undefined) continue;
      const bytes = await payloadBytes(await entry.getType(type).catch(() => undefined));
      if (bytes !== undefined && bytes.length > 0) return { bytes, type };
    }
  }
  return undefined;
}
