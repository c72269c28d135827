/**
 * The shell's wiring against fake app services (electron mocked): tray actions reach the services, recent
 * uploads and finished uploads put links on the clipboard, closing hides while uploads run, quitting asks,
 * the clipboard image is uploaded as PNG, settings changes reach the global shortcut.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../electron/core/app/event-hub.js';
import type { InvokeChannel } from '../../../electron/shared/ipc/channels.js';
import { parseArgs } from '../../../electron/shared/ipc/parse-args.js';
import { DEFAULT_SETTINGS } from '../../../electron/shared/ipc/settings.js';
import type { TransferEvent, TransferSnapshot } from '../../../electron/shared/transfer.js';
import { app, clipboard, dialog, FakeBrowserWindow, FakeNotification, FakeTray, globalShortcut, ipcMain, type MenuTemplateItem } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { startDesktopShell } = await import('../../../electron/main/desktop-shell.js');

const totals = { files: 0, filesDone: 0, filesFailed: 0, bytesTotal: 0, bytesSent: 0, bytesPerSecond: 0 };
const emptySnapshot: TransferSnapshot = { seq: 0, transfers: [], totals };
const historyEntry = {
  id: 'h1',
  path: '/home/me/old.txt',
  endpoint: 'http://127.0.0.1:47110',
  bucket: 'dropsign',
  result: { key: 'old.txt', size: 3, etag: 'e', multipart: false, finishedAt: '2026-11-20T00:00:00Z', link: { kind: 'public', url: 'https://cdn.example.com/old.txt' } },
};

function fakeServices(snapshot: TransferSnapshot = emptySnapshot) {
  const hub = new EventHub((error) => {
    throw error;
  });
  const replies: Partial<Record<InvokeChannel, unknown>> = {
    'settings:get': DEFAULT_SETTINGS,
    'history:list': { entries: [historyEntry] },
    'transfers:enqueue': { profile: 'local', ids: ['t1'], problems: [], alreadyQueued: 0 },
  };
  return {
    replies,
    // Main's own calls must pass the contract's schemas too, as the real services check them.
    invoke: vi.fn(async (channel: InvokeChannel, args: unknown) => {
      const parsed = parseArgs(channel, args);
      if (!parsed.ok) throw new Error(`main sent ${channel} invalid arguments: ${parsed.error.message}`);
      return { ok: true, value: channel in replies ? replies[channel] : null };
    }),
    on: hub.on.bind(hub),
    emit: hub.emit.bind(hub),
    snapshot: () => snapshot,
    close: vi.fn(async () => undefined),
  };
}

const uploading: TransferSnapshot = {
  seq: 5,
  totals: { ...totals, files: 1, bytesTotal: 100 },
  transfers: [{ id: 't1', path: '/home/me/a.png', name: 'a.png', key: 'a.png', bucket: 'dropsign', size: 100, bytesSent: 0, state: { kind: 'uploading', attempt: 1 } }],
};

async function start(snapshot?: TransferSnapshot) {
  const services = fakeServices(snapshot);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dropsign-shell-'));
  const shell = await startDesktopShell({
    services: services as never,
    paths: { rendererDir: '/r', preload: '/p/index.cjs', trayIconDir: '/t', appIcon: '/t/icon.png' },
    dataDir,
    openExternal: async () => undefined,
    log: () => undefined,
  });
  const tray = FakeTray.all.at(-1);
  const window = FakeBrowserWindow.all.at(-1);
  if (tray === undefined || window === undefined) throw new Error('no tray or window');
  const menuItem = (id: string): MenuTemplateItem | undefined => tray.menu?.template.find((item) => item.id === id);
  return { services, shell, tray, window, menuItem, dataDir };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  app.removeAllListeners();
  for (const channel of [...ipcMain.handlers.keys()]) ipcMain.removeHandler(channel);
  globalShortcut.unregisterAll();
  FakeNotification.shown.length = 0;
  clipboard.text = '';
  clipboard.entries = [];
  dialog.showMessageBox.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('desktop shell', () => {
  it('opens the window on the renderer and registers the contract', async () => {
    const { window } = await start();
    expect(window.loadedUrls).toEqual(['app://dropsign/index.html']);
    expect(ipcMain.handlers.size).toBeGreaterThan(20);
  });

  it('pauses and resumes everything from the tray through the services', async () => {
    const { services, menuItem } = await start(uploading);
    menuItem('pause-all')?.click?.();
    menuItem('resume-all')?.click?.();
    expect(services.invoke).toHaveBeenCalledWith('transfers:pause', []);
    expect(services.invoke).toHaveBeenCalledWith('transfers:resume', []);
  });

  it('lists recent uploads from the history; clicking one copies its link', async () => {
    const { menuItem } = await start();
    const recent = menuItem('recent')?.submenu ?? [];
    expect(recent.map((item) => item.label)).toEqual(['old.txt']);
    recent[0]?.click?.();
    expect(clipboard.text).toBe('https://cdn.example.com/old.txt');
  });

  it('copies the link of a finished upload and notifies; the notification click copies it again', async () => {
    const { services, menuItem } = await start(uploading);
    vi.useFakeTimers();
    const done: TransferEvent = {
      kind: 'state',
      seq: 6,
      id: 't1',
      key: 'a.png',
      state: { kind: 'done', result: { key: 'a.png', size: 100, etag: 'x', multipart: false, finishedAt: '2026-11-21T00:00:00Z', link: { kind: 'presigned', url: 'https://b.example/a.png?sig', expiresAt: '2099-01-01T00:00:00Z' } } },
    };
    services.emit('transfers:events', [done]);
    vi.advanceTimersByTime(1000);
    expect(clipboard.text).toBe('https://b.example/a.png?sig');
    const notification = FakeNotification.shown.at(-1);
    expect(notification?.options).toEqual({ title: 'Uploaded a.png', body: 'The link is on the clipboard.' });
    clipboard.text = '';
    notification?.emit('click');
    expect(clipboard.text).toBe('https://b.example/a.png?sig');
    expect(menuItem('recent')?.submenu?.[0]?.label).toBe('a.png');
  });

  it('hides the window to the tray while uploads run, closes it otherwise', async () => {
    const running = await start(uploading);
    running.window.close();
    expect(running.window.destroyed).toBe(false);
    expect(running.window.visible).toBe(false);
    for (const channel of [...ipcMain.handlers.keys()]) ipcMain.removeHandler(channel);
    const idle = await start();
    idle.window.close();
    expect(idle.window.destroyed).toBe(true);
  });

  it('asks before quitting with uploads running; keeping them quits nothing', async () => {
    const { services } = await start(uploading);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    const quits = app.quitCount;
    app.quit();
    await flush();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(services.close).not.toHaveBeenCalled();
    expect(app.quitCount).toBe(quits);

    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    app.quit();
    await flush();
    await flush();
    expect(services.close).toHaveBeenCalledTimes(1);
    expect(app.quitCount).toBe(quits + 1);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('quits without asking when nothing runs, closing the services first', async () => {
    const { services } = await start();
    app.quit();
    await flush();
    await flush();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(services.close).toHaveBeenCalledTimes(1);
  });

  it('uploads files handed to the app with the default profile', async () => {
    const { services, shell } = await start();
    shell.enqueue(['/home/me/x.txt', '/home/me/y.txt']);
    expect(services.invoke).toHaveBeenCalledWith('transfers:enqueue', [{ paths: ['/home/me/x.txt', '/home/me/y.txt'] }]);
  });

  it('uploads a clipboard image as a PNG saved in the spool folder', async () => {
    const { services, menuItem, dataDir } = await start();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    clipboard.entries = [{ types: ['image/png'], getType: async () => new Blob([png]) }];
    menuItem('upload-clipboard')?.click?.();
    await vi.waitFor(() => expect(services.invoke).toHaveBeenCalledWith('transfers:enqueue', expect.anything()));
    const call = services.invoke.mock.calls.find(([channel]) => channel === 'transfers:enqueue');
    const [request] = call?.[1] as [{ paths: string[] }];
    const [file] = request.paths;
    expect(file?.startsWith(path.join(dataDir, 'clipboard', 'pasted-'))).toBe(true);
    expect(file?.endsWith('.png')).toBe(true);
    expect(readFileSync(file ?? '')).toEqual(png);
  });

  it('registers the clipboard shortcut when the window changes the setting', async () => {
    const { services, window } = await start();
    expect(globalShortcut.registered.size).toBe(0);
    services.replies['settings:set'] = { ...DEFAULT_SETTINGS, globalShortcut: 'CommandOrControl+Shift+U' };
    const handler = ipcMain.handlers.get('settings:set');
    const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    await handler?.(event, { globalShortcut: 'CommandOrControl+Shift+U' });
    expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Shift+U']);
  });
});
