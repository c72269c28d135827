/** The drop window and the pages the app:// protocol serves (electron/main/drop-window*.ts, app-protocol.ts). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { DropWindow, dropWindowBounds, DROP_WINDOW_SIZE } = await import('../../../electron/main/drop-window.js');
const { TrustedSenders } = await import('../../../electron/main/ipc/trusted-senders.js');
const { respondToAppRequest } = await import('../../../electron/main/app-protocol.js');

const workArea = { x: 0, y: 25, width: 1440, height: 875 };

describe('DropWindow', () => {
  it('opens one small, frameless, always-on-top, sandboxed window in the corner, trusted for IPC', () => {
    const trusted = new TrustedSenders();
    const dropWindow = new DropWindow({ preload: '/p/index.cjs', trusted, openExternal: async () => undefined, workArea: () => workArea });
    dropWindow.show();
    dropWindow.show();
    const windows = FakeBrowserWindow.all.filter((w) => w.loadedUrls.includes('app://dropsign/-/drop.html'));
    expect(windows).toHaveLength(1);
    const [window] = windows as [FakeBrowserWindow];
    expect(window.options).toMatchObject({ ...dropWindowBounds(workArea), frame: false, alwaysOnTop: true, skipTaskbar: true, resizable: false });
    expect(window.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/p/index.cjs' });
    expect(trusted.isTrusted({ sender: window.webContents, senderFrame: { url: window.webContents.mainFrame.url, parent: null } })).toBe(true);
    window.close();
    dropWindow.show();
    expect(FakeBrowserWindow.all.filter((w) => w.loadedUrls.includes('app://dropsign/-/drop.html'))).toHaveLength(2);
  });

  it('sits inside the work area, clear of its edges', () => {
    const bounds = dropWindowBounds(workArea);
    expect(bounds.x + DROP_WINDOW_SIZE.width).toBeLessThan(workArea.x + workArea.width);
    expect(bounds.y + DROP_WINDOW_SIZE.height).toBeLessThan(workArea.y + workArea.height);
    expect(bounds.x).toBeGreaterThan(workArea.x);
  });
});

describe('app:// pages', () => {
  it('serves the drop page and its script (no inline script), and the renderer build', async () => {
    const page = await respondToAppRequest('app://dropsign/-/drop.html', '/nowhere');
    const html = await page.text();
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<script src="drop.js"></script>');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const script = await (await respondToAppRequest('app://dropsign/-/drop.js', '/nowhere')).text();
    expect(script).toContain("api.invoke('transfers:enqueue', { paths })");

    const rendererDir = mkdtempSync(path.join(tmpdir(), 'dropsign-renderer-'));
    mkdirSync(path.join(rendererDir, 'assets'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Dropsign</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'index-1.js'), 'console.log(1)');
    const index = await respondToAppRequest('app://dropsign/', rendererDir);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Dropsign</title>');
    const asset = await respondToAppRequest('app://dropsign/assets/index-1.js?v=1', rendererDir);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await respondToAppRequest('app://dropsign/assets/missing.js', rendererDir)).status).toBe(404);
  });
});
