/**
 * `window.dropsign` for the renderer: include this file (or `electron/preload/dropsign-window.d.ts` in the
 * renderer's tsconfig `include`). Optional, because browser mode has no preload: the renderer's bridge
 * uses it when present, and the web host's client otherwise.
 */
import type { DropsignApi } from './dropsign-api.js';

declare global {
  interface Window {
    /** The desktop app's preload API; absent in browser mode. */
    readonly dropsign?: DropsignApi;
  }
}
