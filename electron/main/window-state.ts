/**
 * The main window's size, position and maximised state, remembered across starts in `window-state.json`
 * (a versioned document written atomically by core/storage/atomic-json-file; a damaged one is set aside
 * and the defaults apply). A saved position that no display shows any more (a monitor was unplugged) is
 * dropped, so the window never opens off screen.
 */
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import { AtomicJsonFile } from '../core/storage/atomic-json-file.js';
import type { Disposable } from './disposable.js';

/** The file's name in the app data directory. */
export const WINDOW_STATE_FILE_NAME = 'window-state.json';

/** What is remembered. No position: let the OS centre it. */
export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** Why 960×680: the queue, its toolbar and a link panel side by side on a 1280×800 laptop screen. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 960, height: 680, maximized: false };

/** Why 640×440: below it the queue rows wrap and the drop zone is hidden. */
export const MIN_WINDOW_SIZE = { width: 640, height: 440 } as const;

/** Why 64: enough of the title bar on screen to grab and drag the window back. */
const MIN_VISIBLE_PIXELS = 64;

/** Why 500 ms: a drag or resize raises dozens of events a second; one write after it settles is enough. */
const SAVE_DELAY_MS = 500;

const coordinate = z.int().min(-100_000).max(100_000);
const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.int().min(1).max(100_000),
  height: z.int().min(1).max(100_000),
  maximized: z.boolean(),
});

/** The window-state document in `dataDir`. */
export function windowStateFile(dataDir: string): AtomicJsonFile<WindowState> {
  return new AtomicJsonFile<WindowState>({
    path: path.join(dataDir, WINDOW_STATE_FILE_NAME),
    version: 1,
    description: 'window position',
    parse: (data) => {
      const { x, y, ...rest } = windowStateSchema.parse(data);
      return x === undefined || y === undefined ? rest : { ...rest, x, y };
    },
  });
}

/** The saved state, or the defaults when there is none or it cannot be read. */
export async function loadWindowState(file: AtomicJsonFile<WindowState>): Promise<WindowState> {
  try {
    return (await file.read()).value ?? DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fits `state` to the displays' work areas: the size shrinks to the largest work area, and the position is
 * kept only when enough of the window shows on some display.
 */
export function fitWindowState(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(state.width, maxWidth));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(state.height, maxHeight));
  const sized: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return sized;
  const bounds = { x: state.x, y: state.y, width, height };
  const visible = workAreas.some((area) => {
    const { width: w, height: h } = overlap(bounds, area);
    return w >= MIN_VISIBLE_PIXELS && h >= MIN_VISIBLE_PIXELS;
  });
  return visible ? { ...sized, x: state.x, y: state.y } : sized;
}

/** The state of `window` now (its normal bounds, so a maximised window remembers where it came from). */
export function captureWindowState(window: BrowserWindow): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

/**
 * Saves the state of `window` a moment after each move or resize, and at once when it closes. Write
 * failures are reported to `onError` and otherwise ignored: a lost position is not worth a dialog.
 */
export function trackWindowState(
  window: BrowserWindow,
  file: AtomicJsonFile<WindowState>,
  onError: (error: unknown) => void = () => undefined,
): Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!window.isDestroyed()) file.write(captureWindowState(window)).catch(onError);
  };
  const later = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const;
  for (const name of events) window.on(name as 'resize', later);
  window.on('close', save);
  return {
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const name of events) window.removeListener(name as 'resize', later);
      window.removeListener('close', save);
    },
  };
}
