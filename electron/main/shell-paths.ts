/**
 * Where the shell's files are, from the built main module's own location (`out/electron/main/`), so the
 * same code finds them in a development checkout and inside the packaged app's asar:
 *
 * - the renderer build: `out/renderer/`;
 * - the bundled preload: `out/preload/index.cjs` (CommonJS: a sandboxed preload cannot be an ES module);
 * - tray and window icons: `build/tray/` and `build/icon.png` in a checkout, copied by electron-builder
 *   to `resources/tray/` and `resources/icon.png` (extraResources) in the packaged app.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** See the module comment. */
export interface ShellPaths {
  readonly rendererDir: string;
  readonly preload: string;
  readonly trayIconDir: string;
  readonly appIcon: string;
}

/** What the paths depend on. */
export interface ShellPathsOptions {
  /** `import.meta.url` of a module in `out/electron/main/`. */
  readonly moduleUrl: string;
  /** `app.isPackaged`. */
  readonly isPackaged: boolean;
  /** `process.resourcesPath` (packaged app only). */
  readonly resourcesPath: string;
}

/** See the module comment. */
export function shellPaths({ moduleUrl, isPackaged, resourcesPath }: ShellPathsOptions): ShellPaths {
  const mainDir = path.dirname(fileURLToPath(moduleUrl));
  const outDir = path.resolve(mainDir, '..', '..');
  const resources = isPackaged ? resourcesPath : path.resolve(outDir, '..', 'build');
  return {
    rendererDir: path.join(outDir, 'renderer'),
    preload: path.join(outDir, 'preload', 'index.cjs'),
    trayIconDir: path.join(resources, 'tray'),
    appIcon: path.join(resources, 'icon.png'),
  };
}

/** The tray icon files of `kind` for `platform`: macOS takes monochrome template images (`...Template.png`). */
export function trayIconFile(dir: string, kind: 'idle' | 'active', platform: NodeJS.Platform): string {
  const base = kind === 'idle' ? 'tray' : 'tray-active';
  return path.join(dir, `${base}${platform === 'darwin' ? 'Template' : ''}.png`);
}
