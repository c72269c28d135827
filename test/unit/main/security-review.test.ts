/**
 * Security review, in code: the window options, guards, permissions and CSP exactly as main ships them
 * (Electron's security checklist), so a change that weakens one fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contextBridge, FakeBrowserWindow, FakeEvent, ipcRenderer, session, shell } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { RENDERER_ENTRY_URL, isAppUrl } = await import('../../../electron/main/app-origin.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/content-security-policy.js');
const { respondToAppRequest, APP_SCHEME_PRIVILEGES } = await import('../../../electron/main/app-protocol.js');
const { createMainWindow } = await import('../../../electron/main/main-window.js');
const { TrustedSenders } = await import('../../../electron/main/ipc/trusted-senders.js');
const { lockDownPermissions } = await import('../../../electron/main/permissions.js');
const { shellPaths } = await import('../../../electron/main/shell-paths.js');
const { DEFAULT_WINDOW_STATE } = await import('../../../electron/main/window-state.js');

const root = fileURLToPath(new URL('../../..', import.meta.url));
const preload = '/app/out/preload/index.cjs';

function openMainWindow(): FakeBrowserWindow {
  createMainWindow({ preload, trusted: new TrustedSenders(), openExternal: (url) => shell.openExternal(url), state: DEFAULT_WINDOW_STATE });
  const window = FakeBrowserWindow.all.at(-1);
  if (window === undefined) throw new Error('no window');
  return window;
}

beforeEach(() => {
  shell.openExternal.mockClear();
});

describe('main window as shipped', () => {
  it('is sandboxed and isolated, with no Node and our preload only', () => {
    const { webPreferences } = openMainWindow().options as { webPreferences: Record<string, unknown> };
    expect(webPreferences).toEqual({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
    // Left at Electron's secure defaults: never turned off or on here.
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(webPreferences).not.toHaveProperty(key);
    }
  });

  it('loads only our own page, from the app:// origin, never remote content or file://', () => {
    const window = openMainWindow();
    expect(window.loadedUrls).toEqual([RENDERER_ENTRY_URL]);
    expect(window.loadedUrls.every(isAppUrl)).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true });
  });

  it('takes the preload from the bundled CommonJS file next to the build', () => {
    const paths = shellPaths({ moduleUrl: 'file:///opt/Dropsign/resources/app.asar/out/electron/main/index.js', isPackaged: true, resourcesPath: '/opt/Dropsign/resources' });
    expect(paths.preload).toBe('/opt/Dropsign/resources/app.asar/out/preload/index.cjs');
    expect(paths.rendererDir).toBe('/opt/Dropsign/resources/app.asar/out/renderer');
    expect(paths.trayIconDir).toBe('/opt/Dropsign/resources/tray');
  });

  it('blocks navigation, redirects, webviews and new windows; only http(s) links go to the browser', () => {
    const contents = openMainWindow().webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = new FakeEvent();
      contents.emit(name, event, 'https://evil.example/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    const subFrame = Object.assign(new FakeEvent(), { isMainFrame: false });
    contents.emit('will-frame-navigate', subFrame);
    expect(subFrame.defaultPrevented).toBe(true);

    const open = contents.windowOpenHandler;
    for (const url of ['https://example.com/doc', 'http://127.0.0.1:47110/b/k', 'file:///etc/passwd', 'javascript:alert(1)', 'app://dropsign/x', 'smb://host/share']) {
      expect(open?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com/doc', 'http://127.0.0.1:47110/b/k']);
  });
});

describe('permissions', () => {
  lockDownPermissions(session.defaultSession as unknown as Electron.Session);
  const request = (permission: string, requestingUrl: string, isMainFrame = true): boolean => {
    let granted: boolean | undefined;
    session.defaultSession.permissionRequestHandler?.({}, permission, (ok: boolean) => (granted = ok), { requestingUrl, isMainFrame });
    return granted ?? false;
  };

  it('denies every request (camera, notifications, geolocation, openExternal, clipboard reads...)', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial', 'usb', 'unknown']) {
      expect(request(permission, RENDERER_ENTRY_URL), permission).toBe(false);
    }
    expect(session.defaultSession.devicePermissionHandler?.()).toBe(false);
  });

  it('grants clipboard writes to our own page main frame only', () => {
    expect(request('clipboard-sanitized-write', RENDERER_ENTRY_URL)).toBe(true);
    expect(request('clipboard-sanitized-write', RENDERER_ENTRY_URL, false)).toBe(false);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    const check = session.defaultSession.permissionCheckHandler;
    expect(check?.({}, 'clipboard-sanitized-write', 'app://dropsign', { requestingUrl: RENDERER_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(check?.({}, 'media', 'app://dropsign', { requestingUrl: RENDERER_ENTRY_URL, isMainFrame: true })).toBe(false);
  });
});

describe('content security policy', () => {
  it('is the strict policy, word for word', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).not.toMatch(/unsafe|data:|blob:|\*/);
  });

  it('comes with every page and asset the protocol serves, and with 404s', async () => {
    for (const url of [RENDERER_ENTRY_URL, 'app://dropsign/-/drop.html', 'app://dropsign/nope.js']) {
      const response = await respondToAppRequest(url, path.join(root, 'no-such-renderer-dir'));
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // No other origin may read what we serve.
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('never serves a file outside the renderer folder or another host', async () => {
    const rendererDir = path.join(root, 'electron', 'main');
    expect((await respondToAppRequest('app://dropsign/index.ts', rendererDir)).status).toBe(404); // .ts is not a type we serve
    expect((await respondToAppRequest('app://dropsign/app-origin.ts', rendererDir)).status).toBe(404);
    for (const url of ['app://dropsign/%2e%2e/%2e%2e/package.json', 'app://dropsign/..%2F..%2Fpackage.json', 'app://other/index.html', 'app://dropsign/%00.js']) {
      expect((await respondToAppRequest(url, rendererDir)).status, url).toBe(404);
    }
  });
});

describe('the code as written', () => {
  const sources = (dir: string): [string, string][] =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => [path.join(dir, file), readFileSync(path.join(root, dir, file), 'utf8')]);

  it('never weakens a window or uses remote', () => {
    for (const [file, text] of [...sources('electron/main'), ...sources('electron/preload')]) {
      expect(text, file).not.toMatch(/@electron\/remote|enableRemoteModule|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent/);
    }
  });

  it('opens external links in one place only (the http(s)-only window-open guard)', () => {
    const callers = sources('electron/main').filter(([, text]) => /openExternal\(/.test(text)).map(([file]) => file);
    expect(callers.sort()).toEqual(['electron/main/index.ts', 'electron/main/web-guards.ts']);
  });

  it('exposes one named API through contextBridge, never ipcRenderer', async () => {
    await import('../../../electron/preload/index.js');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('dropsign');
    expect(Object.keys(api).sort()).toEqual(['face', 'invoke', 'on', 'pathForFile']);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });
});
