/**
 * The built main process (`out/electron/main/index.js`, as `npm run build` emits it) booted in plain Node
 * with the real app services, a stand-in for the `electron` module (an ESM resolve hook maps it to a small
 * scripted fake) and a temporary app data directory: the closest this machine gets to running the app.
 *
 * The fake plays the user: once the window shows the renderer, it calls the contract from that window
 * (and from a stranger), uploads a file the way a drop does, waits for the share link on the clipboard,
 * then quits; every step is one JSON line on stdout.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The stand-in `electron` module: just enough of Electron's main-process API, plus the scenario. */
const FAKE_ELECTRON = String.raw`
import { EventEmitter } from 'node:events';
// As under "electron path/to/app": argv[1] is the app, not a file to upload.
process.defaultApp = true;
const report = (step, data) => process.stdout.write(JSON.stringify({ step, ...data }) + '\n');
let nextId = 1;
class WebContents extends EventEmitter {
  id = nextId++; sent = []; mainFrame = { url: '', parent: null };
  send(channel, payload) { this.sent.push([channel, payload]); }
  setWindowOpenHandler(handler) { this.openHandler = handler; }
  isDestroyed() { return false; }
}
export class BrowserWindow extends EventEmitter {
  static all = [];
  webContents = new WebContents(); visible = false; destroyed = false;
  constructor(options) { super(); this.options = options; BrowserWindow.all.push(this); }
  async loadURL(url) { this.webContents.mainFrame.url = url.split('#')[0]; this.url = url; setTimeout(() => this.emit('ready-to-show'), 5); }
  show() { this.visible = true; this.emit('show'); } hide() { this.visible = false; this.emit('hide'); }
  focus() {} isFocused() { return false; } restore() {} maximize() {} isVisible() { return this.visible; } isMinimized() { return false; }
  isMaximized() { return false; } isDestroyed() { return this.destroyed; }
  getNormalBounds() { return { x: 0, y: 0, width: 960, height: 680 }; }
  close() { const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } }; this.emit('close', e);
    if (!e.defaultPrevented) { this.destroyed = true; this.emit('closed'); this.webContents.emit('destroyed'); } }
}
class App extends EventEmitter {
  isPackaged = false;
  setName() {} setPath(name, value) { this.userData = value; } setAppUserModelId() {}
  getVersion() { return '0.1.0'; } requestSingleInstanceLock() { return true; } whenReady() { return Promise.resolve(); }
  quit() { const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } }; this.emit('before-quit', e);
    if (!e.defaultPrevented) { for (const w of BrowserWindow.all) w.close(); report('exit', {}); process.exit(0); } }
  exit(code) { report('exit', { code }); process.exit(code); }
}
export const app = new App();
const handlers = new Map();
export const ipcMain = { handle: (c, h) => handlers.set(c, h), removeHandler: (c) => handlers.delete(c) };
let protocolHandler;
export const protocol = { registerSchemesAsPrivileged() {}, handle: (s, h) => { protocolHandler = h; }, unhandle() {} };
export const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} } };
export const shell = { openExternal: async () => {} };
export const dialog = { showErrorBox: (t, m) => report('fatal', { message: m }), showMessageBox: async () => ({ response: 0 }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };
export class Tray extends EventEmitter { constructor() { super(); Tray.last = this; } setImage() {} setToolTip(t) { this.tooltip = t; } setContextMenu(m) { this.menu = m; } destroy() {} isDestroyed() { return false; } }
export const Menu = { buildFromTemplate: (template) => ({ template }) };
export const nativeImage = { createFromPath: (p) => ({ p }), createFromBuffer: () => ({ isEmpty: () => true }) };
let clipboardText = '';
export const clipboard = { read: async () => [], writeText: async (t) => { clipboardText = t; }, readText: async () => clipboardText };
export const globalShortcut = { register: () => true, unregister() {}, unregisterAll() {} };
const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
export const screen = { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) };
export class Notification extends EventEmitter { static isSupported() { return false; } show() {} }

const until = async (what, test) => { for (let i = 0; i < 400; i++) { const v = await test(); if (v) return v; await new Promise((r) => setTimeout(r, 25)); } throw new Error('timed out waiting for ' + what); };
(async () => {
  const window = await until('the window', () => BrowserWindow.all.find((w) => w.visible));
  await until('the tray', () => Tray.last?.menu);
  const page = await protocolHandler({ url: window.url });
  report('window', { url: window.url, preload: window.options.webPreferences.preload, sandbox: window.options.webPreferences.sandbox,
    page: page.status, csp: page.headers.get('content-security-policy'), tray: Tray.last.menu.template.map((i) => i.label ?? i.type) });
  const event = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
  const invoke = (channel, ...args) => handlers.get(channel)(event, ...args);
  const info = await invoke('app:info');
  report('app:info', { ok: info.ok, face: info.value?.face, localBucket: info.value?.localBucket?.kind, defaultProfile: info.value?.defaultProfile });
  const stranger = new WebContents();
  const refused = await handlers.get('app:info')({ sender: stranger, senderFrame: { url: 'app://dropsign/index.html', parent: null } });
  report('stranger', { ok: refused.ok, code: refused.error?.code });
  const enqueued = await invoke('transfers:enqueue', { paths: [process.env.FAKE_DROP_FILE] });
  report('enqueue', { ok: enqueued.ok, profile: enqueued.value?.profile, ids: enqueued.value?.ids?.length, problems: enqueued.value?.problems });
  const link = await until('the link on the clipboard', () => clipboardText);
  const download = await fetch(link);
  const events = window.webContents.sent.filter(([c]) => c === 'transfers:events').flatMap(([, e]) => e).map((e) => e.kind + (e.state ? ':' + e.state.kind : ''));
  report('uploaded', { link, status: download.status, body: await download.text(), events, tooltip: Tray.last.tooltip });
  app.quit();
})().catch((error) => { report('error', { message: String(error && error.stack || error) }); process.exit(1); });
`;

const HOOKS = (fakeUrl: string) =>
  `export async function resolve(specifier, context, next) { return specifier === 'electron' ? { url: ${JSON.stringify(fakeUrl)}, shortCircuit: true } : next(specifier, context); }`;

describe('built main process with the real services', () => {
  it('boots, serves the renderer, guards IPC, uploads a dropped file, copies its link, and quits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dropsign-boot-'));
    const fake = path.join(dir, 'electron-fake.mjs');
    const hooks = path.join(dir, 'hooks.mjs');
    const register = path.join(dir, 'register.mjs');
    writeFileSync(fake, FAKE_ELECTRON);
    writeFileSync(hooks, HOOKS(pathToFileURL(fake).href));
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const dropped = path.join(dir, 'dropped file.txt');
    writeFileSync(dropped, 'hello from a drop\n');

    const { stdout } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(register).href, path.join(root, 'out/electron/main/index.js')], {
      cwd: root,
      env: { ...process.env, DROPSIGN_DATA_DIR: path.join(dir, 'data'), FAKE_DROP_FILE: dropped },
      timeout: 45_000,
    });
    const steps = new Map(stdout.trim().split('\n').filter((line) => line.startsWith('{')).map((line) => {
      const { step, ...data } = JSON.parse(line) as { step: string };
      return [step, data] as const;
    }));
    expect(steps.get('error')).toBeUndefined();
    expect(steps.get('fatal')).toBeUndefined();
    expect(steps.get('window')).toMatchObject({
      url: 'app://dropsign/index.html',
      preload: path.join(root, 'out/preload/index.cjs'),
      sandbox: true,
      csp: expect.stringContaining("default-src 'none'"),
      tray: ['Upload Files…', 'Upload Clipboard', 'Show Drop Window', 'Create Upload Link…', 'separator', 'Recent Uploads', 'separator', 'Pause All', 'Resume All', 'separator', 'Show Dropsign', 'Quit Dropsign'],
    });
    expect(steps.get('app:info')).toEqual({ ok: true, face: 'desktop', localBucket: 'running', defaultProfile: 'local' });
    expect(steps.get('stranger')).toEqual({ ok: false, code: 'access-denied' });
    expect(steps.get('enqueue')).toEqual({ ok: true, profile: 'local', ids: 1, problems: [] });
    const uploaded = steps.get('uploaded') as { link: string; status: number; body: string; events: string[] };
    expect(uploaded.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(uploaded.status, JSON.stringify(uploaded)).toBe(200);
    expect(uploaded.body).toBe('hello from a drop\n');
    expect(uploaded.events).toContain('state:done');
    expect(steps.has('exit')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
