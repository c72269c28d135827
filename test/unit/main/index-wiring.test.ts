/**
 * electron/main/index.ts as a whole, with electron and the app services mocked: the single-instance lock,
 * files from the command line, a second launch and Open With all go to the default profile.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../electron/shared/ipc/settings.js';
import type * as ElectronMock from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const services = {
  invoke: vi.fn(async (channel: string, _args: unknown) => ({
    ok: true,
    value: channel === 'settings:get' ? DEFAULT_SETTINGS : channel === 'history:list' ? { entries: [] } : { profile: 'local', ids: [], problems: [], alreadyQueued: 0 },
  })),
  on: () => () => undefined,
  snapshot: () => ({ seq: 0, transfers: [], totals: { files: 0, filesDone: 0, filesFailed: 0, bytesTotal: 0, bytesSent: 0, bytesPerSecond: 0 } }),
  close: vi.fn(async () => undefined),
};
const createAppServices = vi.fn(async (_options: unknown) => services);
vi.mock('../../../electron/core/app/index.js', () => ({ createAppServices }));

const savedArgv = process.argv;
const dataDir = mkdtempSync(path.join(tmpdir(), 'dropsign-index-'));
process.env['DROPSIGN_DATA_DIR'] = dataDir;

afterAll(() => {
  process.argv = savedArgv;
  delete process.env['DROPSIGN_DATA_DIR'];
});

/** The electron mock index.ts got (the mock registry survives vi.resetModules, the helper module does not). */
const mockedElectron = async () => (await import('electron')) as unknown as typeof ElectronMock;

const enqueued = () =>
  services.invoke.mock.calls.filter(([channel]) => channel === 'transfers:enqueue').map(([, args]) => (args as [{ paths: string[] }])[0]);

describe('main entry', () => {
  beforeEach(() => {
    vi.resetModules();
    services.invoke.mockClear();
    createAppServices.mockClear();
  });

  it('quits at once when another instance holds the lock, handing it the files', async () => {
    const electron = await mockedElectron();
    electron.app.singleInstanceLock = false;
    process.argv = ['/opt/Dropsign/dropsign-desktop', 'notes.txt'];
    await import('../../../electron/main/index.js');
    expect(electron.app.lockData).toEqual({ files: [path.resolve('notes.txt')] });
    expect(electron.app.quitCount).toBe(1);
    electron.app.markReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(createAppServices).not.toHaveBeenCalled();
    electron.app.singleInstanceLock = true;
  });

  it('uploads command-line files, second launches and Open With to the default profile', async () => {
    const electron = await mockedElectron();
    process.argv = ['/opt/Dropsign/dropsign-desktop', '--no-sandbox', '/home/me/a.png', 'rel/b.txt'];
    await import('../../../electron/main/index.js');
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    electron.app.markReady();
    await vi.waitFor(() => expect(enqueued()).toHaveLength(1));
    expect(createAppServices).toHaveBeenCalledWith(expect.objectContaining({ appDataDir: dataDir, face: 'desktop' }));
    // No profile named: the services use the default one.
    expect(enqueued()[0]).toEqual({ paths: ['/home/me/a.png', path.resolve('rel/b.txt')] });

    electron.app.emit('second-instance', new electron.FakeEvent(), ['/opt/Dropsign/dropsign-desktop', 'c.txt'], '/work', { files: ['/work/c.txt'] });
    await vi.waitFor(() => expect(enqueued()).toHaveLength(2));
    expect(enqueued()[1]).toEqual({ paths: ['/work/c.txt'] });

    // Data that is not ours: the second launch's argv is read instead.
    electron.app.emit('second-instance', new electron.FakeEvent(), ['/opt/Dropsign/dropsign-desktop', '--flag', 'd.txt'], '/srv', { files: 'x' });
    await vi.waitFor(() => expect(enqueued()).toHaveLength(3));
    expect(enqueued()[2]).toEqual({ paths: ['/srv/d.txt'] });

    const openFile = new electron.FakeEvent();
    electron.app.emit('open-file', openFile, '/Users/me/e.pdf');
    electron.app.emit('open-file', new electron.FakeEvent(), '/Users/me/f.pdf');
    expect(openFile.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(enqueued()).toHaveLength(4));
    expect(enqueued()[3]).toEqual({ paths: ['/Users/me/e.pdf', '/Users/me/f.pdf'] });
  });
});
