/**
 * The `app://dropsign` protocol: serves the built renderer (`out/renderer/`) and the drop window's page,
 * with the security headers on every response (content-security-policy.ts). Nothing outside the renderer
 * folder can be reached: the path is resolved and checked to stay inside it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import { SECURITY_HEADERS } from './content-security-policy.js';
import { DROP_WINDOW_ASSETS, type BuiltinAsset } from './drop-window-page.js';
import type { Disposable } from './disposable.js';

/**
 * The scheme's privileges, registered before `app` is ready. `standard` gives it an origin and relative
 * URLs; `secure` makes it a secure context (clipboard API, crypto.subtle); `corsEnabled` lets Chromium
 * fetch the renderer's `<script type="module" crossorigin>` (module scripts are always CORS requests),
 * while no other origin can read a response: none carries Access-Control-Allow-Origin. No `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

/** Content types of what the renderer build emits, by extension. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a request asks for. */
export type AppRequestTarget =
  | { readonly kind: 'file'; readonly path: string; readonly contentType: string }
  | { readonly kind: 'builtin'; readonly asset: BuiltinAsset }
  | { readonly kind: 'not-found' };

/**
 * Maps `app://dropsign/PATH` to a file under `rendererDir` (`/` is `index.html`) or a built-in page.
 * Another host, a path that leaves the folder, or an unknown file type is `not-found`.
 */
export function resolveAppRequest(url: string, rendererDir: string): AppRequestTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not-found' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'not-found' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'not-found' };
  }
  const builtin = DROP_WINDOW_ASSETS.get(pathname);
  if (builtin !== undefined) return { kind: 'builtin', asset: builtin };
  if (pathname.includes('\0')) return { kind: 'not-found' };
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return { kind: 'not-found' };
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  return contentType === undefined ? { kind: 'not-found' } : { kind: 'file', path: file, contentType };
}

/** Answers one request (exported for tests): the file with the security headers, or a 404. */
export async function respondToAppRequest(url: string, rendererDir: string): Promise<Response> {
  const target = resolveAppRequest(url, rendererDir);
  const notFound = (): Response => new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain' } });
  if (target.kind === 'not-found') return notFound();
  if (target.kind === 'builtin') {
    return new Response(target.asset.body, { headers: { ...SECURITY_HEADERS, 'content-type': target.asset.contentType } });
  }
  try {
    const body = await readFile(target.path);
    return new Response(body, { headers: { ...SECURITY_HEADERS, 'content-type': target.contentType } });
  } catch {
    return notFound();
  }
}

/** Serves `app://dropsign` from `rendererDir` until disposed. Call once `app` is ready. */
export function serveAppProtocol(protocol: Protocol, rendererDir: string): Disposable {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request.url, rendererDir));
  return { dispose: () => protocol.unhandle(APP_SCHEME) };
}
