/**
 * Checks the name and folder path of a file the page wants to spool: each becomes a real file name under
 * the spool folder, and later (with the `{path}` key template) the object key, so neither may climb out
 * of the folder or be something the file system cannot hold.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import { MAX_KEY_LENGTH } from '../../shared/ipc/schemas.js';

/** Why 255: the longest file name (in bytes) on ext4, APFS and NTFS (there, UTF-16 units). */
const MAX_SEGMENT_BYTES = 255;

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

function invalid(message: string): Result<never> {
  const error: ErrorInfo = {
    code: 'invalid-argument',
    message,
    hint: 'Rename the file or folder and drop it again.',
  };
  return { ok: false, error };
}

/** Control characters (NUL included) and both separators: never part of one name. */
function hasControlOrSlash(segment: string): boolean {
  for (const char of segment) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '/' || char === '\\') return true;
  }
  return false;
}

/** Why a path segment cannot be a file name here, or undefined when it can. */
function segmentProblem(segment: string, platform: NodeJS.Platform): string | undefined {
  if (segment === '' || segment === '.' || segment === '..') return 'has an empty, "." or ".." part';
  if (hasControlOrSlash(segment)) return 'contains a control character or a slash';
  if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return `has a name longer than ${MAX_SEGMENT_BYTES} bytes`;
  if (platform === 'win32') {
    if (/[<>:"|?*]/.test(segment)) return 'contains a character Windows does not allow in names (<>:"|?*)';
    if (/[. ]$/.test(segment)) return 'has a name ending in a dot or a space, which Windows does not keep';
    if (WINDOWS_RESERVED.test(segment)) return 'uses a name Windows reserves for devices';
  }
  return undefined;
}

/**
 * The relative path (`folder/sub/name.txt`, `/`-separated) a spooled file is stored under, checked: the
 * page names it in the spool request's manifest (spool-manifest.ts), one per file.
 */
export function spoolRelativePath(relativePath: string, platform: NodeJS.Platform = process.platform): Result<string> {
  if (relativePath === '') return invalid('The file to spool has no name.');
  if (relativePath.length > MAX_KEY_LENGTH) return invalid(`The file's path is longer than ${MAX_KEY_LENGTH} characters.`);
  for (const segment of relativePath.split('/')) {
    const problem = segmentProblem(segment, platform);
    if (problem !== undefined) return invalid(`The file's path ${problem}.`);
  }
  return { ok: true, value: relativePath };
}
