/**
 * The preload's API (electron/preload/create-api.ts, index.ts): only contract channels reach ipcRenderer,
 * listeners get the payload only, files become paths, and contextBridge exposes nothing else.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createDropsignApi } from '../../../electron/preload/create-api.js';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../electron/shared/ipc/channels.js';
import type * as ElectronMock from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

function setup(invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'v' }))) {
  const ipcRenderer = Object.assign(new EventEmitter(), { invoke });
  const webUtils = { getPathForFile: vi.fn((file: File) => `/home/me/${file.name}`) };
  return { ipcRenderer, webUtils, api: createDropsignApi({ ipcRenderer: ipcRenderer as never, webUtils }) };
}

describe('invoke', () => {
  it('forwards every contract channel with its arguments and answers the reply', async () => {
    const { api, ipcRenderer } = setup();
    for (const channel of INVOKE_CHANNELS) await api.invoke(channel as 'app:info');
    expect(ipcRenderer.invoke.mock.calls.map(([channel]) => channel)).toEqual([...INVOKE_CHANNELS]);
    ipcRenderer.invoke.mockClear();
    expect(await api.invoke('transfers:enqueue', { paths: ['/a'] })).toEqual({ ok: true, value: 'v' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('transfers:enqueue', { paths: ['/a'] });
  });

  it('never sends a channel outside the contract', async () => {
    const { api, ipcRenderer } = setup();
    for (const channel of ['ELECTRON_BROWSER_REQUIRE', 'fs:read', '', 42, undefined]) {
      const reply = await (api.invoke as (channel: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(channel);
      expect(reply.ok).toBe(false);
      expect(reply.error?.code).toBe('invalid-argument');
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a main process that does not answer into an error Result', async () => {
    const { api } = setup(vi.fn(async () => Promise.reject(new Error("No handler registered for 'app:info'"))));
    const reply = await api.invoke('app:info');
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('on', () => {
  it('gives listeners the payload only, and unsubscribes', () => {
    const { api, ipcRenderer } = setup();
    const listener = vi.fn();
    const off = api.on('transfers:events', listener);
    const senderEvent = { sender: ipcRenderer };
    ipcRenderer.emit('transfers:events', senderEvent, [{ kind: 'removed', seq: 1, id: 'a' }]);
    expect(listener).toHaveBeenCalledWith([{ kind: 'removed', seq: 1, id: 'a' }]);
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    ipcRenderer.emit('transfers:events', senderEvent, []);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('transfers:events')).toBe(0);
  });

  it('accepts the contract events only', () => {
    const { api } = setup();
    for (const event of EVENT_CHANNELS) api.on(event, () => undefined)();
    expect(() => (api.on as (event: string, cb: () => void) => void)('ipc-message', () => undefined)).toThrow(TypeError);
    expect(() => (api.on as (event: string, cb: unknown) => void)('app:notice', 'not a function')).toThrow(TypeError);
  });
});

describe('pathForFile and the exposed object', () => {
  it('asks webUtils for the path of a file', () => {
    const { api, webUtils } = setup();
    const file = new File(['x'], 'a.png');
    expect(api.pathForFile(file)).toBe('/home/me/a.png');
    expect(webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });

  it('is frozen and carries nothing but the four members', () => {
    const { api } = setup();
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['face', 'invoke', 'on', 'pathForFile']);
    expect(api.face).toBe('desktop');
  });

  it('index.ts exposes it as window.dropsign through contextBridge, once', async () => {
    const electron = (await import('electron')) as unknown as typeof ElectronMock;
    electron.contextBridge.exposeInMainWorld.mockClear();
    await import('../../../electron/preload/index.js');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, { pathForFile: (f: unknown) => string }];
    expect(key).toBe('dropsign');
    expect(api.pathForFile({ path: '/x/y.txt' })).toBe('/x/y.txt');
  });
});
