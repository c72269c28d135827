/**
 * A stand-in for the `electron` module (the binary is absent here, so `require('electron')` throws): tests
 * of main and preload code do `vi.mock('electron', () => import('../../helpers/electron-mock.js'))` and
 * inspect what the code did to these fakes. Only what Dropsign's shell uses is modelled, with Electron's
 * behaviour where it matters (a second `ipcMain.handle` on one channel throws; `close` can be prevented;
 * a destroyed window's web contents emits `destroyed`).
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron event: records preventDefault. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A frame: main frames have no parent. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

let nextWebContentsId = 1;

/** A web contents: records what was sent, and the window-open handler. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  readonly sent: [channel: string, payload: unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A window: options as given, visibility, loads, and Electron's close sequence. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds = { x: 10, y: 20, width: 960, height: 680 };

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url.split('#')[0] ?? url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.minimized = false;
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focused = false;
  focus(): void {
    this.focused = true;
  }
  isFocused(): boolean {
    return this.focused && this.visible;
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  maximize(): void {
    this.maximized = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    this.webContents.emit('destroyed');
  }
}

/** `ipcMain`: one handler per channel, as Electron enforces. */
class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

/** A tray icon: what was set on it. */
export class FakeTray extends EventEmitter {
  static readonly all: FakeTray[] = [];
  tooltip = '';
  menu: { template: MenuTemplateItem[] } | undefined;
  images: unknown[] = [];
  destroyed = false;
  setContextMenuCalls = 0;

  constructor(public image: unknown) {
    super();
    FakeTray.all.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
    this.images.push(image);
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: { template: MenuTemplateItem[] }): void {
    this.menu = menu;
    this.setContextMenuCalls++;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A menu item template as the code builds it. */
export interface MenuTemplateItem {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}

/** A system notification: shown ones are listed. */
export class FakeNotification extends EventEmitter {
  static readonly shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

/** The app: events, quit sequence, and identity calls. */
class FakeApp extends EventEmitter {
  isPackaged = false;
  quitCount = 0;
  exited: number | undefined;
  singleInstanceLock = true;
  lockData: unknown;
  /** Resolves `whenReady()`. */
  markReady: () => void = () => undefined;
  readonly #ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });
  readonly setName = vi.fn();
  readonly setPath = vi.fn();
  readonly setAppUserModelId = vi.fn();
  getVersion(): string {
    return '0.1.0';
  }
  requestSingleInstanceLock(data?: unknown): boolean {
    this.lockData = data;
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return this.#ready;
  }
  quit(): void {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitCount++;
  }
  exit(code: number): void {
    this.exited = code;
  }
}

/** A session: the permission handlers installed on it. */
class FakeSession {
  permissionRequestHandler: ((...args: unknown[]) => void) | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | undefined;
  setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
}

/** The clipboard: entries to read, text written. */
class FakeClipboard {
  entries: { types: string[]; getType: (type: string) => Promise<unknown> }[] = [];
  text = '';
  read(): Promise<typeof this.entries> {
    return Promise.resolve(this.entries);
  }
  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }
}

/** Global shortcuts: registered accelerators; `taken` ones fail as another app's would. */
class FakeGlobalShortcut {
  readonly registered = new Map<string, () => void>();
  readonly taken = new Set<string>();
  register(accelerator: string, callback: () => void): boolean {
    if (accelerator.includes('Bogus')) throw new Error('conversion failure');
    if (this.taken.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
}

/** The renderer's ipcRenderer: an emitter with a mockable invoke. */
class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true, value: null }));
}

const WORK_AREA = { x: 0, y: 0, width: 1920, height: 1040 };

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = new FakeIpcMain();
export const Tray = FakeTray;
export const Menu = { buildFromTemplate: (template: MenuTemplateItem[]) => ({ template }) };
export const Notification = FakeNotification;
export const nativeImage = {
  createFromPath: (path: string) => ({ path, isEmpty: () => false }),
  createFromBuffer: (buffer: Buffer) => ({ isEmpty: () => buffer.length === 0, toPNG: () => Buffer.from('converted-png') }),
};
export const clipboard = new FakeClipboard();
export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showErrorBox: vi.fn(),
};
export const globalShortcut = new FakeGlobalShortcut();
export const session = { defaultSession: new FakeSession() };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn(), unhandle: vi.fn() };
export const screen = {
  getAllDisplays: () => [{ workArea: WORK_AREA }],
  getPrimaryDisplay: () => ({ workArea: WORK_AREA }),
};
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = new FakeIpcRenderer();
export const webUtils = { getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '') };

export default {
  app,
  BrowserWindow,
  ipcMain,
  Tray,
  Menu,
  Notification,
  nativeImage,
  clipboard,
  dialog,
  globalShortcut,
  session,
  protocol,
  screen,
  shell,
  contextBridge,
  ipcRenderer,
  webUtils,
};
