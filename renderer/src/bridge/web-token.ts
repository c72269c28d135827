/**
 * Browser mode's access token, on the page's side. The address `dropsign web` prints carries it as
 * `?token=`; the page keeps it in sessionStorage (this tab and this origin only: no other port, site or
 * tab can read it), and takes it out of the address bar so it is not left in history, bookmarks or a
 * screen share. The token then only travels to this page's own host: as a WebSocket sub-protocol and an
 * `Authorization` header, never in a cookie (cookies reach every port of 127.0.0.1).
 */
import { TOKEN_QUERY } from './web-protocol.js';

const STORAGE_KEY = 'dropsign.token';

/** The token from the address (saved for reloads) or from an earlier load of this tab; undefined when neither has one. */
export function takeToken(): string | undefined {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY);
  if (fromUrl !== null && fromUrl !== '') {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_QUERY);
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return window.sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}
