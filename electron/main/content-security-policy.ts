/**
 * The Content-Security-Policy of every page main serves (Electron security checklist #7), sent as a
 * response header by the `app://` protocol handler, so it holds whatever the page's own markup says.
 *
 * The renderer talks to main only over IPC and never to a bucket, so nothing may connect anywhere: share
 * links are opened by the OS browser, never fetched by the page.
 */

/** Each directive and its sources, in the order they are sent. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // React libraries and Vite's CSS may add <style> elements; styles cannot run code.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data: and blob: for QR codes and file previews drawn by the page itself.
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The header value: `default-src 'none'; script-src 'self'; ...`. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Headers sent with every page and asset of ours. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
};
