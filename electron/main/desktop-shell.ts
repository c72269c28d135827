/**
 * The desktop shell around the app services, once Electron is ready: IPC, the main window, event
 * forwarding, the tray, notifications, the clipboard shortcut, the drop window and the quit guard. Wiring
 * only: each part lives in its own module, and this file connects them to each other and to the services.
 */
import { app, clipboard, dialog, globalShortcut, ipcMain, nativeImage, screen, type BrowserWindow, type NativeImage } from 'electron';
import type { ErrorInfo } from '../shared/errors.js';
import type { Result } from '../shared/ipc/channels.js';
import type { EnqueueOutcome } from '../shared/ipc/transfer-requests.js';
import { electronClipboard } from './clipboard-edge.js';
import { sweepSpool, uploadClipboard } from './clipboard-upload.js';
import { combineDisposables, type Disposable } from './disposable.js';
import { DropWindow } from './drop-window.js';
import { ClipboardShortcut } from './global-shortcut.js';
import { EventForwarder } from './ipc/events.js';
import { registerInvokeHandlers } from './ipc/handle.js';
import { TrustedSenders } from './ipc/trusted-senders.js';
import { createMainWindow, revealWindow, showCreateLinkForm } from './main-window.js';
import { CompletionNotifier, showSystemNotification } from './notifications.js';
import { QueueModel } from './queue-model.js';
import { confirmQuitDialog, decideWindowClose, QuitGuard } from './quit-guard.js';
import { RecentUploads, RECENT_UPLOADS_LIMIT } from './recent-uploads.js';
import type { ServicesPort } from './services-port.js';
import { SettingsCache } from './settings-cache.js';
import { trayIconFile, type ShellPaths } from './shell-paths.js';
import { TrayService } from './tray-service.js';
import type { TrayActions } from './tray-menu.js';
import type { OpenExternal } from './web-guards.js';
import { captureWindowState, fitWindowState, loadWindowState, trackWindowState, windowStateFile } from './window-state.js';

/** What the shell is started with. */
export interface DesktopShellOptions {
  readonly services: ServicesPort;
  readonly paths: ShellPaths;
  readonly dataDir: string;
  readonly openExternal: OpenExternal;
  readonly log: (line: string) => void;
}

/** The running shell. */
export interface DesktopShell {
  /** Uploads `paths` with the default profile (command line, Open With, drops on the tray icon). */
  enqueue(paths: readonly string[]): void;
  /** Shows the main window (opening it if needed). */
  showWindow(): void;
}

/** Starts the shell. */
export async function startDesktopShell(options: DesktopShellOptions): Promise<DesktopShell> {
  const { services, paths, dataDir, log } = options;
  const platform = process.platform;
  const trusted = new TrustedSenders();
  const settings = new SettingsCache();
  const disposables: Disposable[] = [];
  const windowDeps = { preload: paths.preload, trusted, openExternal: options.openExternal };

  // Answers to something the user just did (a shortcut, a tray item): shown whatever the `notifications`
  // setting, which is about uploads finishing.
  const tell = (title: string, body: string, onClick: () => void = () => showWindow()): void =>
    showSystemNotification({ title, body, onClick });
  const reportError = (title: string, error: ErrorInfo): void => tell(title, `${error.message} ${error.hint}`);
  const copyText = (text: string): void => {
    clipboard.writeText(text).catch((error: unknown) => log(`Copying to the clipboard failed: ${String(error)}`));
  };

  disposables.push(
    registerInvokeHandlers({
      ipcMain,
      services,
      isTrusted: (event) => trusted.isTrusted(event),
      onReply: (channel, result) => settings.observe(channel, result),
    }),
  );
  await settings.load(services);
  const model = await QueueModel.start(services);
  const forwarder = new EventForwarder(services);
  disposables.push(forwarder, { dispose: () => model.dispose() });

  const enqueueDefault = async (files: readonly string[]): Promise<Result<EnqueueOutcome>> => {
    const reply = await services.invoke('transfers:enqueue', [{ paths: [...files] }]);
    if (!reply.ok) reportError('Could not upload', reply.error);
    else if (reply.value.problems.length > 0) {
      const [first] = reply.value.problems;
      if (first !== undefined) reportError(`${reply.value.problems.length} of the files could not be queued`, first.error);
    }
    return reply;
  };

  // The main window, opened now and again whenever it is asked for after being closed.
  let mainWindow: BrowserWindow | undefined;
  const stateFile = windowStateFile(dataDir);
  let savedState = fitWindowState(await loadWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
  const guard = new QuitGuard({
    app,
    activeUploads: () => model.activity().active,
    confirm: (active) => confirmQuitDialog(dialog, active, mainWindow?.isVisible() === true ? mainWindow : undefined),
    shutdown: async () => {
      combineDisposables(disposables).dispose();
      await services.close();
    },
    onError: (error) => log(`Quitting: ${String(error)}`),
  });
  const ensureWindow = (): BrowserWindow => {
    if (mainWindow !== undefined && !mainWindow.isDestroyed()) return mainWindow;
    const window = createMainWindow({ ...windowDeps, state: savedState, icon: paths.appIcon });
    const tracking = trackWindowState(window, stateFile, (error) => log(`Window state not saved: ${String(error)}`));
    window.on('close', (event) => {
      if (decideWindowClose({ quitting: guard.quitting, activeUploads: model.activity().active }) === 'hide') {
        event.preventDefault();
        window.hide();
      } else {
        savedState = captureWindowState(window);
      }
    });
    window.on('closed', () => {
      tracking.dispose();
      if (mainWindow === window) mainWindow = undefined;
      forwarder.setWindow(undefined);
    });
    forwarder.setWindow(window);
    mainWindow = window;
    return window;
  };
  const showWindow = (): void => revealWindow(ensureWindow());

  // Tray, recent uploads, notifications.
  const recent = new RecentUploads();
  const history = await services.invoke('history:list', [{ limit: RECENT_UPLOADS_LIMIT }]);
  if (history.ok) recent.seed(history.value.entries);
  const notifier = new CompletionNotifier({
    settings: () => settings.current(),
    show: showSystemNotification,
    copyText,
    showWindow,
    windowFocused: () => mainWindow?.isDestroyed() === false && mainWindow.isVisible() && mainWindow.isFocused(),
  });
  const dropWindow = new DropWindow({ ...windowDeps, workArea: () => screen.getPrimaryDisplay().workArea });
  const clipboardDeps = electronClipboard(dataDir);
  const { spoolDir } = clipboardDeps;
  const quickUpload = async (): Promise<void> => {
    const outcome = await uploadClipboard({ ...clipboardDeps, platform, enqueue: enqueueDefault });
    if (outcome.kind === 'empty') tell('Nothing to upload', 'The clipboard holds no files and no image.');
    if (outcome.kind === 'failed') reportError('Could not upload the clipboard', outcome.error);
  };
  const actions: TrayActions = {
    uploadFiles: () => {
      void dialog.showOpenDialog({ title: 'Upload Files', properties: ['openFile', 'multiSelections'] }).then(({ canceled, filePaths }) => {
        if (!canceled && filePaths.length > 0) void enqueueDefault(filePaths);
      });
    },
    uploadClipboard: () => void quickUpload(),
    createLink: () => showCreateLinkForm(ensureWindow()),
    copyLink: (upload) => copyText(upload.link.url),
    pauseAll: () => void services.invoke('transfers:pause', []),
    resumeAll: () => void services.invoke('transfers:resume', []),
    showWindow,
    ...(platform === 'darwin' ? {} : { showDropWindow: () => void dropWindow.show() }),
    quit: () => app.quit(),
  };
  const icon = (kind: 'idle' | 'active'): NativeImage => nativeImage.createFromPath(trayIconFile(paths.trayIconDir, kind, platform));
  const tray = new TrayService({
    icons: { idle: icon('idle'), active: icon('active') },
    actions,
    onDropFiles: (files) => void enqueueDefault(files),
  });
  const renderTray = (): void => tray.render({ activity: model.activity(), recent: recent.list(Date.now()) });
  disposables.push(tray, notifier, { dispose: () => dropWindow.close() });
  disposables.push({ dispose: model.onChange(renderTray) });
  disposables.push({
    dispose: model.onFinished((finished) => {
      if (recent.add(finished)) renderTray();
      notifier.add(finished);
    }),
  });
  renderTray();

  // The clipboard shortcut follows its setting.
  const shortcut = new ClipboardShortcut(globalShortcut, () => void quickUpload());
  const applyShortcut = (accelerator: string | null): void => {
    const outcome = shortcut.apply(accelerator);
    if (outcome.kind === 'taken') {
      tell('Shortcut not available', `${outcome.accelerator} is used by another app. Choose another one in Settings.`);
    }
    if (outcome.kind === 'invalid') tell('Shortcut not valid', `${outcome.accelerator} is not a key combination Dropsign understands.`);
  };
  applyShortcut(settings.current().globalShortcut);
  disposables.push(shortcut, { dispose: settings.onChange((next) => applyShortcut(next.globalShortcut)) });

  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  void sweepSpool(spoolDir, Date.now());
  ensureWindow();
  return { enqueue: (files) => void enqueueDefault(files), showWindow };
}
