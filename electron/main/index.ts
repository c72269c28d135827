/**
 * Electron main: the desktop app's entry point. Lifecycle and wiring only (Fiddle's list of setups):
 *
 * 1. one instance per user: a second launch hands its files to the first and quits;
 * 2. before ready: the `app://` scheme's privileges, Open With (`open-file`), the guards on every web contents;
 * 3. when ready: locked-down permissions, the `app://` protocol, the app services (electron/core/app),
 *    then the shell (desktop-shell.ts: IPC, window, tray, notifications, shortcut, quit guard);
 * 4. files from the command line and from later launches go to the default profile.
 */
import { app, dialog, protocol, session, shell } from 'electron';
import { appDataDir } from '../core/app-paths.js';
import { createAppServices } from '../core/app/index.js';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol.js';
import { filesFromArgv, filesFromSecondInstanceData, IncomingFiles, type SecondInstanceData } from './argv-files.js';
import { electronClipboard } from './clipboard-edge.js';
import { saveClipboardImageFile } from './clipboard-upload.js';
import { startDesktopShell, type DesktopShell } from './desktop-shell.js';
import { lockDownPermissions } from './permissions.js';
import { shellPaths } from './shell-paths.js';
import { hardenWebContents } from './web-guards.js';

/** Why this id: Windows groups notifications and taskbar entries by it; it must equal electron-builder's appId. */
const APP_USER_MODEL_ID = 'com.dropsign.desktop';

const log = (line: string): void => console.error(`[dropsign] ${line}`);
const openExternal = (url: string): Promise<void> => shell.openExternal(url);
const defaultApp = process.defaultApp === true;

// The same folder the CLI and browser mode use (DROPSIGN_DATA_DIR honoured), so all faces share one state.
const dataDir = appDataDir();
app.setName('Dropsign');
app.setPath('userData', dataDir);
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

const launchFiles: SecondInstanceData = { files: filesFromArgv(process.argv, { cwd: process.cwd(), defaultApp }) };

if (!app.requestSingleInstanceLock(launchFiles)) {
  app.quit();
} else {
  let desktop: DesktopShell | undefined;
  const incoming = new IncomingFiles((files) => desktop?.enqueue(files));
  incoming.add(launchFiles.files);

  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
  app.on('open-file', (event, file) => {
    event.preventDefault();
    incoming.add([file]);
  });
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    incoming.add(filesFromSecondInstanceData(additionalData) ?? filesFromArgv(argv, { cwd: workingDirectory, defaultApp }));
    desktop?.showWindow();
  });

  app
    .whenReady()
    .then(async () => {
      const paths = shellPaths({ moduleUrl: import.meta.url, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
      lockDownPermissions(session.defaultSession);
      serveAppProtocol(protocol, paths.rendererDir);
      const clipboardImage = (): Promise<string | undefined> => saveClipboardImageFile(electronClipboard(dataDir));
      const services = await createAppServices({ appDataDir: dataDir, face: 'desktop', version: app.getVersion(), log, clipboardImage });
      desktop = await startDesktopShell({ services, paths, dataDir, openExternal, log });
      incoming.ready();
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`Could not start: ${message}`);
      dialog.showErrorBox('Dropsign could not start', message);
      app.exit(1);
    });
}
