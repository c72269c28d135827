/**
 * Packaging (build/electron-builder.yml), checked where no Electron dist can be downloaded: the config is
 * valid against electron-builder's schema, and the `dir` target built against a stand-in Electron dist
 * (test-environment.md §2: an `electron` script, `version`, `LICENSE`, `chrome-sandbox`, `resources/`)
 * holds what the app needs, with keytar's native module unpacked from the asar. Offline, about 5 s.
 *
 * The stand-in has no fuse wire, so `electronFuses` is switched off for this build only; the schema check
 * still covers it. AppImage, deb, dmg and nsis need tools or OSes these machines lack (see README).
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listPackage, extractFile } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const configFile = path.join(root, 'build', 'electron-builder.yml');
const quietLogger = { isEnabled: false, add: () => undefined } as never;

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A folder that looks like an unpacked Electron for Linux to electron-builder. */
function standInElectronDist(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'dropsign-electron-dist-'));
  writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
  chmodSync(path.join(dist, 'electron'), 0o755);
  const version = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  writeFileSync(path.join(dist, 'version'), version);
  writeFileSync(path.join(dist, 'LICENSE'), 'MIT');
  writeFileSync(path.join(dist, 'chrome-sandbox'), '');
  mkdirSync(path.join(dist, 'resources'));
  return dist;
}

describe('electron-builder configuration', () => {
  it('is valid against electron-builder\'s schema (and the validator does refuse a bad one)', async () => {
    const config = await getConfig(root, configFile, null);
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true } as Configuration, quietLogger)).rejects.toThrow(/notAnOption|unknown property/);
  });

  it('names the app, targets every OS, hardens macOS and keeps keytar loadable', async () => {
    const config = await getConfig(root, configFile, null);
    expect(config.appId).toBe('com.dropsign.desktop');
    expect(config.productName).toBe('Dropsign');
    expect(config.directories?.buildResources).toBe('build');
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.executableName).toBe('dropsign-desktop');
    expect(config.mac?.target).toBe('dmg');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.win?.target).toBe('nsis');
    expect(config.win?.fileAssociations).toBeUndefined();
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, grantFileProtocolExtraPrivileges: false });
    const entitlements = readFileSync(path.join(root, String(config.mac?.entitlements)), 'utf8');
    const granted = [...entitlements.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.network.client']);
  });

  it('ships a 512 px app icon and 16/32 px tray icons, at rest and active, plain and macOS template', () => {
    expect(pngSize(path.join(root, 'build/icon.png'))).toEqual({ width: 512, height: 512 });
    for (const base of ['tray', 'tray-active', 'trayTemplate', 'tray-activeTemplate']) {
      expect(pngSize(path.join(root, `build/tray/${base}.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(path.join(root, `build/tray/${base}@2x.png`))).toEqual({ width: 32, height: 32 });
    }
  });
});

describe('the dir target against a stand-in Electron dist', () => {
  const output = mkdtempSync(path.join(tmpdir(), 'dropsign-dist-'));
  const electronDist = standInElectronDist();
  const appDir = path.join(output, 'linux-unpacked');
  const asarFile = path.join(appDir, 'resources', 'app.asar');
  let entries: string[] = [];

  beforeAll(async () => {
    // The preload bundle is part of `npm run build`; make sure it reflects the sources here too.
    await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'build/vite.preload.config.ts'], { cwd: root });
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        extends: configFile,
        electronDist,
        directories: { output },
        electronFuses: null,
      } as Configuration,
    });
    entries = listPackage(asarFile, { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));
  }, 120_000);

  afterAll(() => {
    rmSync(output, { recursive: true, force: true });
    rmSync(electronDist, { recursive: true, force: true });
  });

  it('produces the executable named for the command line and the asar', () => {
    expect(statSync(path.join(appDir, 'dropsign-desktop')).isFile()).toBe(true);
    expect(existsSync(asarFile)).toBe(true);
  });

  it('packs the built main process, the bundled preload and the production modules', () => {
    const manifest = JSON.parse(extractFile(asarFile, 'package.json').toString('utf8')) as { main: string; type: string };
    expect(manifest.main).toBe('out/electron/main/index.js');
    expect(manifest.type).toBe('module');
    for (const file of [
      '/out/electron/main/index.js',
      '/out/electron/main/desktop-shell.js',
      '/out/electron/core/app/index.js',
      '/out/electron/shared/ipc/channels.js',
      '/out/preload/index.cjs',
      '/node_modules/keytar/lib/keytar.js',
      '/node_modules/zod/package.json',
    ]) {
      expect(entries, file).toContain(file);
    }
    // Whatever the renderer build produced goes in too.
    const rendererDir = path.join(root, 'out', 'renderer');
    if (existsSync(rendererDir)) {
      for (const file of readdirSync(rendererDir, { recursive: true, encoding: 'utf8' })) {
        if (statSync(path.join(rendererDir, file)).isFile() && !file.endsWith('.map')) expect(entries).toContain(`/out/renderer/${file.replace(/\\/g, '/')}`);
      }
    }
  });

  it('leaves out sources, tests, tools, the CLI and what the renderer bundle already holds', () => {
    const unwanted = [/^\/electron\//, /^\/test\//, /^\/build\//, /^\/renderer\//, /^\/out\/electron\/cli\//, /^\/out\/test\//, /\.map$/, /\.ts$/];
    const unwantedModules = ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'react', 'react-dom', 'zustand', '@playwright'];
    for (const entry of entries) {
      for (const pattern of unwanted) expect(entry, String(pattern)).not.toMatch(pattern);
      for (const name of unwantedModules) expect(entry.startsWith(`/node_modules/${name}/`), entry).toBe(false);
    }
  });

  it('unpacks keytar\'s native module next to the asar, byte for byte', () => {
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');
    const built = path.join(root, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');
    expect(readFileSync(unpacked).equals(readFileSync(built))).toBe(true);
    expect(entries).toContain('/node_modules/keytar/build/Release/keytar.node');
    expect(entries.filter((entry) => entry.startsWith('/node_modules/keytar/build/Release/obj.target'))).toEqual([]);
  });

  it('puts the tray icons and the app icon in resources, where main looks for them', () => {
    expect(readdirSync(path.join(appDir, 'resources', 'tray')).sort()).toEqual(readdirSync(path.join(root, 'build', 'tray')).sort());
    expect(existsSync(path.join(appDir, 'resources', 'icon.png'))).toBe(true);
  });

  it('bundles the preload as one CommonJS script that requires electron only (sandboxed preloads can do no more)', () => {
    const preload = readFileSync(path.join(root, 'out', 'preload', 'index.cjs'), 'utf8');
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("dropsign"');
  });
});
