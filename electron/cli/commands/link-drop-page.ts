/**
 * `dropsign link put KEY --page FILE [--page-language en|zh-CN]`: also writes the link's drop page, the
 * HTML file through which the recipient picks or drops a file and uploads it in a browser
 * (core/links/drop-page). The page carries the link, which works for whoever holds it, so it is written
 * atomically with mode 0600, like the register of issued links.
 *
 * Where it goes is checked before the link is made, so a bad path costs no link.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { renderDropPage, type DropPageLink } from '../../core/links/drop-page/render-drop-page.js';
import { tempPathFor, writeFileAtomic } from '../../core/storage/atomic-write.js';
import { DropsignError } from '../../shared/errors.js';
import { LANGUAGES, type Language } from '../../shared/ipc/settings.js';
import type { LinkSignFlagValues } from './link-request-flags.js';

/** Where the page goes and in which language. */
export interface DropPageTarget {
  /** Absolute. */
  readonly path: string;
  readonly language: Language;
}

/** The system error code of `error`, if it has one. */
function errnoOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function language(flags: LinkSignFlagValues): Language {
  const given = flags['page-language'];
  if (given === undefined) return 'en';
  const found = LANGUAGES.find((candidate) => candidate === given);
  if (found === undefined) {
    throw new DropsignError('invalid-argument', `--page-language must be one of ${LANGUAGES.join(', ')}.`, 'Leave it out for English.', { flag: 'page-language' });
  }
  return found;
}

/**
 * The page asked for by `--page` (undefined without it), resolved against `cwd`: its folder must exist and
 * the path must not be a folder. Throws `invalid-argument` or `missing-argument` naming the flag.
 */
export async function dropPageTarget(flags: LinkSignFlagValues, cwd: string): Promise<DropPageTarget | undefined> {
  const page = flags.page;
  if (page === undefined) {
    if (flags['page-language'] !== undefined) {
      throw new DropsignError('missing-argument', '--page-language needs --page FILE, the drop page to write.', 'Add --page dropsign-upload.html, or leave --page-language out.', { flag: 'page' });
    }
    return undefined;
  }
  const chosen = language(flags);
  const absolute = path.resolve(cwd, page);
  const shown = JSON.stringify(page);
  const folder = await stat(path.dirname(absolute)).catch(() => undefined);
  if (folder === undefined || !folder.isDirectory()) {
    throw new DropsignError('invalid-argument', `--page ${shown} is in a folder that does not exist.`, 'Create the folder first, or give another path.', { flag: 'page' });
  }
  const existing = await stat(absolute).catch(() => undefined);
  if (existing?.isDirectory() === true) {
    throw new DropsignError('invalid-argument', `--page ${shown} is a folder.`, 'Give the path of the HTML file to write, for example upload.html.', { flag: 'page' });
  }
  return { path: absolute, language: chosen };
}

/** Writes the drop page of `link` to `target` (replacing what is there), mode 0600. */
export async function writeDropPage(target: DropPageTarget, link: DropPageLink): Promise<void> {
  const html = renderDropPage(link, { language: target.language });
  try {
    await writeFileAtomic(tempPathFor(target.path), target.path, html, 0o600);
  } catch (error) {
    const code = errnoOf(error);
    throw new DropsignError(
      'file-unreadable',
      `The drop page could not be written to ${target.path}${code === undefined ? '' : ` (${code})`}; the link was made and recorded.`,
      'Check that the folder is writable, then run the command again (or save the page from the list of issued links in the app).',
      { flag: 'page' },
    );
  }
}
