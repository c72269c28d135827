/**
 * Where Dropsign's own pages live: the privileged `app://dropsign` origin (Electron security checklist #18,
 * a custom protocol instead of `file://`), and the one test every trust decision in main makes.
 *
 * Pure: no Electron import, so IPC sender checks, navigation guards and tests share it.
 */

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';

/** The only host of {@link APP_SCHEME}; anything else is refused by the protocol handler. */
export const APP_HOST = 'dropsign';

/** Our origin, as Chromium spells it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The main window's page (the built renderer's entry). */
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The route the renderer opens the "create upload link" form on (the tray's "Create upload link…").
 * A hash route, so showing it is a same-document navigation that needs no reload.
 */
export const CREATE_LINK_ROUTE = '#/links/new';

/** The small drop window's page, served by main itself (not part of the renderer build). */
export const DROP_WINDOW_URL = `${APP_ORIGIN}/-/drop.html`;

/**
 * True when `url` is a page of ours: `app://dropsign/...`. Node's WHATWG URL gives a non-special scheme the
 * opaque origin `null`, so scheme and host are compared instead of `origin`.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** True for the only links Dropsign hands to the OS browser: absolute `http:` and `https:` URLs. */
export function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
