/**
 * Headers on every response of the web host: a strict Content Security Policy and the usual hardening.
 */
import type { ServerResponse } from 'node:http';

/**
 * The page's Content Security Policy (the renderer's index.html carries the same as a meta tag, for the
 * desktop app). Scripts only from this server, no inline scripts, no eval; connections only back to this
 * server (`'self'` covers its `ws:` endpoint): the page never talks to OSS or any bucket, the host does.
 * The last three directives only work as a header: no `<base>` tricks, no form posts, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sets the headers every response carries. */
export function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  // The URL a page was opened with may carry the token: never tell another site about it.
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  // Pages on other ports of 127.0.0.1 are same-site: these keep them from embedding or opening our responses.
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // Everything here is per-start (the token changes); nothing is worth caching.
  response.setHeader('Cache-Control', 'no-store');
}
