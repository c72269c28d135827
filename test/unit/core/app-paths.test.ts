import { describe, expect, it } from 'vitest';
import { appDataDir } from '../../../electron/core/app-paths.js';

describe('appDataDir', () => {
  const home = '/home/ana';

  it('follows XDG_CONFIG_HOME on Linux, like Electron userData', () => {
    expect(appDataDir({ env: {}, platform: 'linux', home })).toBe('/home/ana/.config/Dropsign');
    expect(appDataDir({ env: { XDG_CONFIG_HOME: '/x' }, platform: 'linux', home })).toBe('/x/Dropsign');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(appDataDir({ env: {}, platform: 'darwin', home })).toBe('/home/ana/Library/Application Support/Dropsign');
    expect(appDataDir({ env: { APPDATA: '/roaming' }, platform: 'win32', home })).toMatch(/roaming.Dropsign$/);
  });

  it('lets DROPSIGN_DATA_DIR override everything', () => {
    expect(appDataDir({ env: { DROPSIGN_DATA_DIR: '/data' }, platform: 'darwin', home })).toBe('/data');
  });
});
