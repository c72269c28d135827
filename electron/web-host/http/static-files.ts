/**
 * Serves the built renderer (out/renderer) read-only: GET and HEAD, `/` as index.html, a MIME type from
 * the file name, no directory listings, no dot-files, and nothing outside the folder (`..`, encoded
 * slashes, backslashes, NUL and symbolic links that leave it are all refused as not found).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DropsignError } from '../../shared/errors.js';
import { contentTypeFor } from '../../core/transfer/content-type.js';

/** The page every visit starts from. */
export const INDEX_FILE = 'index.html';

/** Resolves the renderer folder (its real path) and checks it holds a built page. */
export async function openStaticRoot(dir: string): Promise<string> {
  try {
    const root = await realpath(dir);
    if ((await stat(path.join(root, INDEX_FILE))).isFile()) return root;
  } catch {
    // Reported below.
  }
  throw new DropsignError(
    'file-not-found',
    `The browser app is not built (no ${INDEX_FILE} in ${dir}).`,
    'Run `npm run build` in the Dropsign folder, then start again.',
    { path: dir },
  );
}

/**
 * The file under `root` that `pathname` (as it came in the URL, percent-encoded) names, or undefined when
 * it names nothing servable. Exported for testing.
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const candidate = path.join(root, ...(segments.length === 0 ? [INDEX_FILE] : segments));
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + path.sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers a GET or HEAD for `pathname` from `root`. Returns false (nothing written) when there is no such
 * file, so the caller answers 404.
 */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, root: string, pathname: string): Promise<boolean> {
  const file = await resolveStaticFile(root, pathname);
  if (file === undefined) return false;
  const { size } = await stat(file);
  response.writeHead(200, { 'Content-Type': contentTypeFor(file), 'Content-Length': String(size) });
  if (request.method === 'HEAD') {
    response.end();
    return true;
  }
  await pipeline(createReadStream(file), response).catch(() => response.destroy());
  return true;
}
