/**
 * Every window Dropsign opens is made here, with the same locked-down web preferences (Electron security
 * checklist #2-#6): context isolation, the sandbox, no Node in the page, web security left on, and our
 * preload as the only bridge. Its web contents get the navigation guards, and become a trusted IPC sender
 * until destroyed.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import type { TrustedSenders } from './ipc/trusted-senders.js';
import { hardenWebContents, type OpenExternal } from './web-guards.js';

/** The web preferences of every window: `preload` is the bundled preload script's absolute path. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    // A file dropped outside the drop zone must not replace the page with the file.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** What a window needs besides its own options. */
export interface SecureWindowDeps {
  readonly preload: string;
  readonly trusted: TrustedSenders;
  readonly openExternal: OpenExternal;
}

/** Opens a window with `options` (never their webPreferences: those are always {@link secureWebPreferences}). */
export function createSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  deps: SecureWindowDeps,
): BrowserWindow {
  const window = new BrowserWindow({ ...options, webPreferences: secureWebPreferences(deps.preload) });
  hardenWebContents(window.webContents, deps.openExternal);
  deps.trusted.add(window.webContents);
  return window;
}
