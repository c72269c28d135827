/**
 * `--open`: shows the page in the user's default browser without putting the token on a command line.
 *
 * A command line is readable by every user of the machine (`ps`, /proc), and the browser's would hold
 * the URL. So the URL goes into a small HTML file only the user can read, which redirects to it, and the
 * browser is asked to open that file (as Jupyter does). The file is deleted when the host stops.
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The opener of each platform: the program and the arguments before the file's URL. */
function openerFor(platform: NodeJS.Platform): readonly [string, readonly string[]] {
  switch (platform) {
    case 'darwin':
      return ['open', []];
    case 'win32':
      // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
      return ['cmd', ['/c', 'start', '""']];
    default:
      return ['xdg-open', []];
  }
}

function redirectPage(url: string): string {
  const safe = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    '<!doctype html>',
    '<meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${safe}">`,
    '<title>Opening Dropsign…</title>',
    `<p>Opening Dropsign… If nothing happens, <a href="${safe}">open it here</a>.</p>`,
    '',
  ].join('\n');
}

/** What opening did: the launcher file to delete at exit, or why no browser could be asked. */
export type OpenOutcome = { readonly kind: 'opened'; readonly launcher: string } | { readonly kind: 'failed'; readonly reason: string };

/** Asks the default browser to open `url`, through a launcher file in `dir` (mode 0600). */
export async function openInBrowser(url: string, dir: string, platform: NodeJS.Platform = process.platform): Promise<OpenOutcome> {
  const launcher = path.join(dir, 'open-dropsign.html');
  await writeFile(launcher, redirectPage(url), { mode: 0o600 });
  const [program, args] = openerFor(platform);
  return new Promise((resolve) => {
    const child = spawn(program, [...args, pathToFileURL(launcher).href], { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error: NodeJS.ErrnoException) => {
      void rm(launcher, { force: true });
      resolve({ kind: 'failed', reason: error.code === 'ENOENT' ? `${program} is not installed` : error.message });
    });
    child.once('spawn', () => {
      child.unref();
      resolve({ kind: 'opened', launcher });
    });
  });
}
