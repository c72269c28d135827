/**
 * The file name a drop page is saved under: `dropsign-upload-<the key's last segment>.html`, with every
 * character that is not a letter, a digit, `.`, `_` or `-` made a `-`, so the name is safe on every file
 * system and in every download dialog whatever the key holds (`../`, spaces, quotes, control characters).
 */

/** Why 80: room for a readable name, well under the 255 bytes file systems allow (a CJK letter is 3 bytes in UTF-8). */
const MAX_NAME_LENGTH = 80;

/** The file name of the drop page for `key`. */
export function dropPageFileName(key: string): string {
  const last = key.split('/').filter((segment) => segment !== '').pop() ?? '';
  const safe = last
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    // No leading dot (a hidden file) or dash, no trailing dot (Windows drops it).
    .replace(/^[.-]+|[.-]+$/g, '');
  const name = Array.from(safe).slice(0, MAX_NAME_LENGTH).join('') || 'file';
  return `dropsign-upload-${name}.html`;
}
