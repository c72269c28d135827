/**
 * Navigation and window guards for every web contents the app creates (Electron security checklist #13,
 * #14, #15): no page may navigate away, open a window, or attach a <webview>. A link to an `http(s)` URL
 * the user follows (a target=_blank link, or `window.open`) goes to the OS browser; anything else is
 * dropped.
 */
import type { WebContents } from 'electron';
import { isWebLink } from './app-origin.js';

/** Where allowed links go: the OS browser (`shell.openExternal`). */
export type OpenExternal = (url: string) => Promise<void>;

/** Applies the guards to one web contents. */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  // Loads main asks for (loadURL) do not raise these; only navigations a page starts do.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
