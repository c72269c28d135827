/**
 * Checks on a local file named on the command line before anything is done with it.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DropsignError } from '../shared/errors.js';

/**
 * Resolves `path` against `cwd` and checks that it names an existing, readable regular file (symbolic
 * links followed). Returns the absolute path. Throws `file-not-found` when nothing is there,
 * `invalid-argument` for a directory or other non-file, and `file-unreadable` when it cannot be read.
 * `flag` names the option in messages (`--curl`).
 */
export async function checkReadableFile(path: string, cwd: string, flag: string): Promise<string> {
  const absolute = resolve(cwd, path);
  const shown = JSON.stringify(path);
  let kind: 'file' | 'directory' | 'other';
  try {
    const info = await stat(absolute);
    kind = info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new DropsignError('file-not-found', `${flag} file ${shown} does not exist.`, 'Check the path.', {
        path,
      });
    }
    throw unreadable(path, flag, code);
  }
  if (kind !== 'file') {
    throw new DropsignError(
      'invalid-argument',
      `${flag} file ${shown} is ${kind === 'directory' ? 'a directory' : 'not a regular file'}.`,
      'Give the path of a regular file.',
      { path },
    );
  }
  try {
    await access(absolute, constants.R_OK);
  } catch (error) {
    throw unreadable(path, flag, (error as { code?: unknown }).code);
  }
  return absolute;
}

function unreadable(path: string, flag: string, code: unknown): DropsignError {
  const why = typeof code === 'string' ? ` (${code})` : '';
  return new DropsignError(
    'file-unreadable',
    `${flag} file ${JSON.stringify(path)} cannot be read${why}.`,
    'Check its permissions.',
    { path },
  );
}
