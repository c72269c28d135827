/**
 * `npm start`'s desktop launcher (electron/cli/launch-desktop.ts): finds Electron without downloading it,
 * says why when it cannot start the app, and runs the app on the project when it can.
 */
import { EventEmitter } from 'node:events';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { desktopBlocker, launchDesktop, projectRootFrom, resolveElectronRuntime } from '../../../electron/cli/launch-desktop.js';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'dropsign-launch-'));
}

function fakeElectronPackage({ pathTxt, binary }: { pathTxt: boolean; binary: boolean }): string {
  const dir = tempDir();
  if (pathTxt) writeFileSync(path.join(dir, 'path.txt'), 'electron');
  if (binary) {
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'dist', 'electron'), 0o755);
  }
  return dir;
}

function builtProject(): string {
  const root = tempDir();
  writeFileSync(path.join(root, 'package.json'), '{}');
  mkdirSync(path.join(root, 'out/electron/main'), { recursive: true });
  mkdirSync(path.join(root, 'out/preload'), { recursive: true });
  writeFileSync(path.join(root, 'out/electron/main/index.js'), '');
  writeFileSync(path.join(root, 'out/preload/index.cjs'), '');
  return root;
}

describe('resolveElectronRuntime', () => {
  it('prefers ELECTRON_OVERRIDE_DIST_PATH, checking the executable is there', () => {
    const dist = tempDir();
    expect(resolveElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toMatchObject({ ok: false });
    writeFileSync(path.join(dist, 'electron'), '');
    expect(resolveElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toEqual({ ok: true, executable: path.join(dist, 'electron'), source: 'override' });
    expect(resolveElectronRuntime({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'darwin' })).toMatchObject({ ok: false });
  });

  it('reads path.txt and dist/ of the electron package, never downloading', () => {
    expect(resolveElectronRuntime({ env: {}, electronPackageDir: fakeElectronPackage({ pathTxt: false, binary: false }) })).toEqual({
      ok: false,
      reason: "Electron's binary has not been downloaded (node_modules/electron/path.txt is missing).",
    });
    expect(resolveElectronRuntime({ env: {}, electronPackageDir: fakeElectronPackage({ pathTxt: true, binary: false }) })).toMatchObject({ ok: false });
    const dir = fakeElectronPackage({ pathTxt: true, binary: true });
    expect(resolveElectronRuntime({ env: {}, electronPackageDir: dir })).toEqual({ ok: true, executable: path.join(dir, 'dist', 'electron'), source: 'package' });
  });

  it('finds nothing in this checkout (electron is installed without its binary)', () => {
    const runtime = resolveElectronRuntime({ env: {} });
    if (runtime.ok) return; // A machine with the binary: nothing to check.
    expect(runtime.reason).toMatch(/not been downloaded|missing/);
  });
});

describe('desktopBlocker', () => {
  it('needs a display on Linux and a built app', () => {
    const root = builtProject();
    expect(desktopBlocker(root, {}, 'linux')).toMatch(/no display/);
    expect(desktopBlocker(root, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(desktopBlocker(root, {}, 'darwin')).toBeUndefined();
    expect(desktopBlocker(tempDir(), { DISPLAY: ':0' }, 'linux')).toMatch(/not built/);
  });
});

describe('launchDesktop', () => {
  it('answers false with the reason when Electron is absent', async () => {
    const onUnavailable = vi.fn();
    const spawn = vi.fn();
    const ran = await launchDesktop({ env: {}, electronPackageDir: fakeElectronPackage({ pathTxt: false, binary: false }), projectRoot: builtProject(), onUnavailable, spawn });
    expect(ran).toBe(false);
    expect(onUnavailable).toHaveBeenCalledWith(expect.stringMatching(/not been downloaded/));
    expect(spawn).not.toHaveBeenCalled();
  });

  it('runs the app on the project folder and answers true when it exits', async () => {
    const root = builtProject();
    const child = Object.assign(new EventEmitter(), { kill: vi.fn() });
    const spawn = vi.fn(() => {
      setImmediate(() => {
        child.emit('spawn');
        child.emit('exit', 0, null);
      });
      return child as never;
    });
    const dir = fakeElectronPackage({ pathTxt: true, binary: true });
    const ran = await launchDesktop({ env: { DISPLAY: ':0', ELECTRON_RUN_AS_NODE: '1' }, platform: 'linux', electronPackageDir: dir, projectRoot: root, files: ['/tmp/a.png'], spawn });
    expect(ran).toBe(true);
    const [command, args, options] = spawn.mock.calls[0] as unknown as [string, string[], { env: Record<string, string>; stdio: string }];
    expect(command).toBe(path.join(dir, 'dist', 'electron'));
    expect(args).toEqual([root, '/tmp/a.png']);
    expect(options.stdio).toBe('inherit');
    expect(options.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
  });

  it('answers false when the executable cannot be started', async () => {
    const child = Object.assign(new EventEmitter(), { kill: vi.fn() });
    const spawn = vi.fn(() => {
      setImmediate(() => child.emit('error', new Error('spawn EACCES')));
      return child as never;
    });
    const onUnavailable = vi.fn();
    const ran = await launchDesktop({ env: { DISPLAY: ':0' }, platform: 'linux', electronPackageDir: fakeElectronPackage({ pathTxt: true, binary: true }), projectRoot: builtProject(), spawn, onUnavailable });
    expect(ran).toBe(false);
    expect(onUnavailable).toHaveBeenCalledWith('Electron could not be started: spawn EACCES');
  });

  it('finds the project root from its own module', () => {
    expect(projectRootFrom(new URL('../../../electron/cli/launch-desktop.ts', import.meta.url).href)).toBe(path.resolve(import.meta.dirname, '../../..'));
  });
});
