/**
 * The Content-Type an upload is signed and sent with, from the file name (the `mime` package's standard
 * types, the IANA and Apache registries, kept by its maintainers).
 *
 * The value is signed into the URL (OSS V4 and V1 sign Content-Type), so the HTTP layer must send exactly
 * this string: same spelling, same case, same spacing. Keep it exact and deterministic: the same name
 * always gives the same bytes.
 */
import mime from 'mime';

/** What unknown and extension-less files are stored as: "some bytes", which every client downloads safely. */
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/**
 * The charset added to `text/*` types. OSS stores Content-Type as sent and serves it back; without a
 * charset browsers guess (often windows-1252), so a UTF-8 `.txt`, `.csv` or `.md` with accents or CJK
 * shows as mojibake when the link is opened. Text files today are overwhelmingly UTF-8, and a file that
 * is not still downloads byte for byte; only the in-browser preview would need a different charset.
 */
export const TEXT_CHARSET = 'utf-8';

/** How to choose the type. */
export interface ContentTypeOptions {
  /**
   * The charset for `text/*` types, or `null` for none. Default {@link TEXT_CHARSET}. Only `text/*` gets
   * one: JSON and XML declare their encoding themselves, and binary types have none.
   */
  readonly textCharset?: string | null;
}

/**
 * The Content-Type for a file name or path (only the extension counts, case-insensitively):
 * `cat.JPG` → `image/jpeg`, `notes.txt` → `text/plain; charset=utf-8`, `data.bin` or `README` →
 * `application/octet-stream`. Note the registry's own choices: `.ts` is `video/mp2t` (MPEG transport
 * stream), not TypeScript.
 */
export function contentTypeFor(fileName: string, options: ContentTypeOptions = {}): string {
  const type = mime.getType(fileName);
  if (type === null) return FALLBACK_CONTENT_TYPE;
  const charset = options.textCharset === undefined ? TEXT_CHARSET : options.textCharset;
  return charset !== null && type.startsWith('text/') ? `${type}; charset=${charset}` : type;
}
