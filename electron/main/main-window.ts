/**
 * The main window: the renderer at `app://dropsign/index.html`, opened where it was last left, shown once it
 * has painted (no white flash).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { CREATE_LINK_ROUTE, RENDERER_ENTRY_URL } from './app-origin.js';
import { createSecureWindow, type SecureWindowDeps } from './secure-window.js';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state.js';

/** The main window's options, less its web preferences (secure-window.ts adds those). */
export function mainWindowOptions(state: WindowState, icon?: string): Omit<BrowserWindowConstructorOptions, 'webPreferences'> {
  return {
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Dropsign',
    show: false,
    ...(icon === undefined ? {} : { icon }),
  };
}

/** What {@link createMainWindow} needs. */
export interface MainWindowDeps extends SecureWindowDeps {
  readonly state: WindowState;
  readonly icon?: string;
}

/** Opens the main window and loads the renderer. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = createSecureWindow(mainWindowOptions(deps.state, deps.icon), deps);
  if (deps.state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_ENTRY_URL);
  return window;
}

/** Shows the window in front (restoring it from the dock, taskbar or tray). */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Shows the window on the "create upload link" form (a same-document hash navigation, no reload). */
export function showCreateLinkForm(window: BrowserWindow): void {
  revealWindow(window);
  void window.loadURL(`${RENDERER_ENTRY_URL}${CREATE_LINK_ROUTE}`);
}
