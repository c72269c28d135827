/**
 * The drop window, for systems whose tray icon cannot take dropped files (Windows, Linux): a small,
 * frameless, always-on-top square near the corner of the screen, showing main's own drop page. One at a
 * time; asking again brings it to the front.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { DROP_WINDOW_URL } from './app-origin.js';
import { createSecureWindow, type SecureWindowDeps } from './secure-window.js';

/** Why 180×150: room for "Drop files" and one status line at any scale, small enough to sit beside other work. */
export const DROP_WINDOW_SIZE = { width: 180, height: 150 } as const;

/** Why 24: clear of the screen edge and of a taskbar's shadow. */
const EDGE_MARGIN = 24;

/** Where the window goes: the bottom-right corner of the work area. */
export function dropWindowBounds(workArea: Rectangle): Rectangle {
  return {
    x: workArea.x + workArea.width - DROP_WINDOW_SIZE.width - EDGE_MARGIN,
    y: workArea.y + workArea.height - DROP_WINDOW_SIZE.height - EDGE_MARGIN,
    ...DROP_WINDOW_SIZE,
  };
}

/** What the drop window needs. */
export interface DropWindowDeps extends SecureWindowDeps {
  readonly workArea: () => Rectangle;
}

/** See the module comment. */
export class DropWindow {
  readonly #deps: DropWindowDeps;
  #window: BrowserWindow | undefined;

  constructor(deps: DropWindowDeps) {
    this.#deps = deps;
  }

  /** Opens the window, or brings it to the front. */
  show(): BrowserWindow {
    const existing = this.#window;
    if (existing !== undefined && !existing.isDestroyed()) {
      existing.show();
      return existing;
    }
    const window = createSecureWindow(
      {
        ...dropWindowBounds(this.#deps.workArea()),
        title: 'Drop to upload',
        frame: false,
        resizable: false,
        maximizable: false,
        minimizable: false,
        fullscreenable: false,
        alwaysOnTop: true,
        skipTaskbar: true,
      },
      this.#deps,
    );
    window.on('closed', () => {
      if (this.#window === window) this.#window = undefined;
    });
    void window.loadURL(DROP_WINDOW_URL);
    this.#window = window;
    return window;
  }

  /** Closes it, if open. */
  close(): void {
    if (this.#window !== undefined && !this.#window.isDestroyed()) this.#window.close();
    this.#window = undefined;
  }
}
