/** The main window's remembered size and place (electron/main/window-state.ts). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { DEFAULT_WINDOW_STATE, fitWindowState, loadWindowState, trackWindowState, windowStateFile, WINDOW_STATE_FILE_NAME } = await import(
  '../../../electron/main/window-state.js'
);

const laptop = { x: 0, y: 0, width: 1280, height: 760 };
const external = { x: 1280, y: 0, width: 2560, height: 1400 };

afterEach(() => vi.useRealTimers());

describe('fitWindowState', () => {
  it('keeps a position some display shows, drops one no display shows', () => {
    expect(fitWindowState({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop, external])).toEqual({ x: 1400, y: 100, width: 1000, height: 700, maximized: false });
    // The external monitor was unplugged: open centred instead of off screen.
    expect(fitWindowState({ x: 1400, y: 100, width: 1000, height: 700, maximized: true }, [laptop])).toEqual({ width: 1000, height: 700, maximized: true });
  });

  it('shrinks to the largest work area, never below the minimum', () => {
    expect(fitWindowState({ width: 5000, height: 3000, maximized: false }, [laptop])).toEqual({ width: 1280, height: 760, maximized: false });
    expect(fitWindowState({ width: 100, height: 100, maximized: false }, [laptop])).toEqual({ width: 640, height: 440, maximized: false });
  });
});

describe('persistence', () => {
  it('saves after moves settle and on close; reads back; damaged files give the defaults', async () => {
    vi.useFakeTimers();
    const dir = mkdtempSync(path.join(tmpdir(), 'dropsign-ws-'));
    const file = windowStateFile(dir);
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    const window = new FakeBrowserWindow({});
    const tracking = trackWindowState(window as never, file);
    window.bounds = { x: 40, y: 50, width: 1000, height: 700 };
    window.emit('move');
    window.emit('resize');
    vi.advanceTimersByTime(500);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await loadWindowState(windowStateFile(dir))).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: false }));
    window.maximized = true;
    window.close();
    await vi.waitFor(async () => expect((await loadWindowState(windowStateFile(dir))).maximized).toBe(true));
    tracking.dispose();
    expect(JSON.parse(readFileSync(path.join(dir, WINDOW_STATE_FILE_NAME), 'utf8')).version).toBe(1);

    writeFileSync(path.join(dir, WINDOW_STATE_FILE_NAME), '{"version":1,"data":{"width":"wide"}}');
    expect(await loadWindowState(windowStateFile(dir))).toEqual(DEFAULT_WINDOW_STATE);
  });
});
