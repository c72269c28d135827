/**
 * The manifest of a spool request: the form field that comes before the files and says, for each file
 * part that follows, where the file goes (its relative path) and how many bytes it has. The sizes let the
 * host refuse what cannot fit before it reads a byte, and tell a whole file from a cut one.
 *
 * Only the shape is checked here (strict JSON, bounded); each path is checked on its own
 * (spool-names.ts), so one bad name fails that file, not the request.
 */
import { z } from 'zod';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';

/** One file of a spool request, as the page announced it. */
export interface ManifestFile {
  /** `folder/sub/name`, unchecked. */
  readonly path: string;
  readonly size: number;
}

/**
 * Why 4,096 characters: far past the longest path that is accepted (1,023), so an over-long path fails
 * its own file with a sentence saying why, while the request stays bounded.
 */
const MAX_ANNOUNCED_PATH = 4096;

function schemaFor(maxFiles: number) {
  const file = z.strictObject({ path: z.string().max(MAX_ANNOUNCED_PATH), size: z.int().min(0).max(Number.MAX_SAFE_INTEGER) });
  return z.strictObject({ files: z.array(file).min(1).max(maxFiles) });
}

function malformed(message: string): Result<never> {
  const error: ErrorInfo = {
    code: 'invalid-argument',
    message: `The list of files to spool ${message}.`,
    hint: 'This is a bug in the page talking to Dropsign; reload it and drop the files again.',
  };
  return { ok: false, error };
}

/** The files of `text` (the manifest field's value), at most `maxFiles` of them. */
export function parseManifest(text: string, maxFiles: number): Result<readonly ManifestFile[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return malformed('is not JSON');
  }
  const parsed = schemaFor(maxFiles).safeParse(json);
  if (!parsed.success) return malformed(`is not in the expected form (1 to ${maxFiles} files, each with a path and a size)`);
  return { ok: true, value: parsed.data.files };
}
