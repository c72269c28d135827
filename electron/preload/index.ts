/**
 * The preload of every Dropsign window: exposes `window.dropsign` (create-api.ts) through contextBridge.
 * The windows are sandboxed, so this runs as one CommonJS script that may require `electron` only: it is
 * bundled to `out/preload/index.cjs` by `build/vite.preload.config.ts` (`npm run build:preload`).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDropsignApi } from './create-api.js';
import { DROPSIGN_API_KEY } from './dropsign-api.js';

contextBridge.exposeInMainWorld(DROPSIGN_API_KEY, createDropsignApi({ ipcRenderer, webUtils }));
