/**
 * Picks the page's bridge: the desktop preload's API when the page runs in the desktop app
 * (`window.dropsign`), else browser mode's WebSocket client.
 */
import { createBrowserBridge } from './browser-bridge.js';
import { createDesktopBridge } from './desktop-bridge.js';
import type { Bridge, DropsignApi } from './dropsign-api.js';
import { takeToken } from './web-token.js';

/** Connects to whichever host serves the page. Call once. */
export function connect(): Bridge {
  const desktop = (window as Window & { readonly dropsign?: DropsignApi }).dropsign;
  return desktop !== undefined ? createDesktopBridge(desktop) : createBrowserBridge(takeToken());
}
