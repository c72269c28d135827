/**
 * `npm start`'s desktop half: finds an Electron runtime without triggering a download and runs the built
 * desktop app on it. `dropsign start` calls {@link launchDesktop} and falls back to browser mode when it
 * answers false (no runtime, no display, or the app not built), saying why.
 *
 * Where the runtime comes from, as the `electron` package itself looks (but never `require('electron')`,
 * which downloads the binary when it is missing):
 * 1. `ELECTRON_OVERRIDE_DIST_PATH`: a folder holding an unpacked Electron;
 * 2. `node_modules/electron`: `path.txt` names the executable inside its `dist/` folder, both written by a
 *    completed download.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the executable sits inside an Electron dist folder, per OS (what `path.txt` holds). */
const EXECUTABLE_IN_DIST: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** A runtime was found, or why not. */
export type ElectronRuntime =
  | { readonly ok: true; readonly executable: string; readonly source: 'override' | 'package' }
  | { readonly ok: false; readonly reason: string };

/** What launching reads; every field defaults to this process's own. */
export interface LaunchDesktopOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  /** The checkout or installation: the folder with package.json and `out/`. */
  readonly projectRoot?: string;
  /** `node_modules/electron`; default: resolved from here. */
  readonly electronPackageDir?: string;
  /** Files the app uploads once started. */
  readonly files?: readonly string[];
  /** Told why the desktop app cannot start (before false is answered). */
  readonly onUnavailable?: (reason: string) => void;
  // For testing
  readonly spawn?: (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
}

/** The folder with this project's package.json, from this module's location (source or built). */
export function projectRootFrom(moduleUrl: string): string {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}.`);
    dir = parent;
  }
  return dir;
}

function electronPackageDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** Finds the Electron executable (see the module comment), checking that the file is there. */
export function resolveElectronRuntime(options: Pick<LaunchDesktopOptions, 'env' | 'platform' | 'electronPackageDir'> = {}): ElectronRuntime {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') {
    const executable = path.join(override, EXECUTABLE_IN_DIST[platform] ?? 'electron');
    return existsSync(executable)
      ? { ok: true, executable, source: 'override' }
      : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${executable} does not exist.` };
  }
  const packageDir = options.electronPackageDir ?? electronPackageDir();
  if (packageDir === undefined) return { ok: false, reason: 'The electron package is not installed (run npm ci).' };
  let relative: string;
  try {
    relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return { ok: false, reason: "Electron's binary has not been downloaded (node_modules/electron/path.txt is missing)." };
  }
  const executable = path.join(packageDir, 'dist', relative);
  return existsSync(executable)
    ? { ok: true, executable, source: 'package' }
    : { ok: false, reason: `Electron's binary is missing from ${path.join(packageDir, 'dist')}.` };
}

/** Why the desktop app cannot start here, or undefined when it can (runtime aside). */
export function desktopBlocker(root: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): string | undefined {
  if (platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    return 'There is no display (neither DISPLAY nor WAYLAND_DISPLAY is set).';
  }
  for (const built of ['out/electron/main/index.js', 'out/preload/index.cjs']) {
    if (!existsSync(path.join(root, built))) return `The desktop app is not built (${built} is missing; run npm run build).`;
  }
  return undefined;
}

/**
 * Runs the desktop app and resolves once it exits: true when it ran, false when it could not start here
 * (the reason goes to `onUnavailable`). Ctrl+C reaches it through the terminal; SIGTERM is passed on.
 */
export function launchDesktop(options: LaunchDesktopOptions = {}): Promise<boolean> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const root = options.projectRoot ?? projectRootFrom(import.meta.url);
  const unavailable = (reason: string): Promise<boolean> => {
    options.onUnavailable?.(reason);
    return Promise.resolve(false);
  };
  const runtime = resolveElectronRuntime({ env, platform, ...(options.electronPackageDir === undefined ? {} : { electronPackageDir: options.electronPackageDir }) });
  if (!runtime.ok) return unavailable(runtime.reason);
  const blocker = desktopBlocker(root, env, platform);
  if (blocker !== undefined) return unavailable(blocker);

  // ELECTRON_RUN_AS_NODE would make the binary a plain Node and ignore the app.
  const childEnv: Record<string, string | undefined> = { ...env };
  delete childEnv['ELECTRON_RUN_AS_NODE'];
  const run = options.spawn ?? ((command, args, spawnOptions) => spawn(command, [...args], spawnOptions));
  return new Promise((resolve) => {
    let started = false;
    const child = run(runtime.executable, [root, ...(options.files ?? [])], { stdio: 'inherit', env: childEnv, cwd: root });
    const forward = (): void => void child.kill('SIGTERM');
    process.once('SIGTERM', forward);
    child.once('spawn', () => {
      started = true;
    });
    child.once('error', (error) => {
      process.removeListener('SIGTERM', forward);
      if (!started) {
        options.onUnavailable?.(`Electron could not be started: ${error.message}`);
        resolve(false);
      }
    });
    child.once('exit', () => {
      process.removeListener('SIGTERM', forward);
      resolve(true);
    });
  });
}
