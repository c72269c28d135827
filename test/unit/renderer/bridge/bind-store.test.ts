/**
 * The host's events reach the store, and every (re)connection brings a fresh snapshot; what arrives while
 * the snapshot is on its way is applied after it, minus what the snapshot already holds.
 */
import { describe, expect, it } from 'vitest';
import type { EventChannel, InvokeChannel, Result } from '../../../../electron/shared/ipc/channels.js';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/ipc/settings.js';
import { bindStore } from '../../../../renderer/src/bridge/bind-store.js';
import type { Bridge, ConnectionStatus } from '../../../../renderer/src/bridge/dropsign-api.js';
import { createAppStore } from '../../../../renderer/src/store/app-store.js';
import { batch, snapshot, stateEvent, UPLOADING, view } from '../fixtures.js';

const INFO = { name: 'Dropsign', version: '0', platform: 'linux', face: 'browser', dataDir: '/d', keychain: { kind: 'available' }, localBucket: { kind: 'off' }, defaultProfile: 'local', notices: [{ level: 'warning', message: 'damaged file set aside' }] };

function fakeBridge() {
  const listeners = new Map<string, (payload: unknown) => void>();
  let status: (status: ConnectionStatus) => void = () => undefined;
  const calls: { channel: InvokeChannel; resolve: (result: Result<unknown>) => void }[] = [];
  const bridge = {
    face: 'browser',
    api: {
      invoke: (channel: InvokeChannel) => new Promise((resolve) => calls.push({ channel, resolve })),
      on: (event: EventChannel, listener: (payload: unknown) => void) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    },
    stager: { needsFileContents: true, stage: () => Promise.resolve({ paths: [], failures: [] }) },
    onStatus: (listener: (status: ConnectionStatus) => void) => {
      status = listener;
      listener({ kind: 'connecting' });
      return () => undefined;
    },
  } as unknown as Bridge;
  return {
    bridge,
    calls,
    emit: (event: EventChannel, payload: unknown) => listeners.get(event)?.(payload),
    setStatus: (next: ConnectionStatus) => status(next),
    answer(channel: InvokeChannel, value: unknown) {
      const index = calls.findIndex((call) => call.channel === channel);
      calls.splice(index, 1)[0]?.resolve({ ok: true, value });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('bindStore', () => {
  it('takes a snapshot, the app info and the settings each time the connection opens', async () => {
    const store = createAppStore();
    const host = fakeBridge();
    bindStore(host.bridge, store);
    expect(store.getState().connection).toEqual({ kind: 'connecting' });
    host.setStatus({ kind: 'open' });
    expect(host.calls.map((call) => call.channel)).toEqual(['transfers:snapshot', 'app:info', 'settings:get']);
    host.answer('transfers:snapshot', snapshot(3, view('a')));
    host.answer('app:info', INFO);
    host.answer('settings:get', DEFAULT_SETTINGS);
    await settle();
    expect(store.getState().order).toEqual(['a']);
    expect(store.getState().info?.defaultProfile).toBe('local');
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
    expect(store.getState().notices.map((notice) => notice.message)).toEqual(['damaged file set aside']);

    host.setStatus({ kind: 'reconnecting', attempt: 1 });
    host.setStatus({ kind: 'open' });
    host.answer('transfers:snapshot', snapshot(8, view('a'), view('b')));
    host.answer('app:info', INFO);
    host.answer('settings:get', DEFAULT_SETTINGS);
    await settle();
    expect(store.getState().order).toEqual(['a', 'b']);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('applies what arrives during the snapshot after it, dropping what the snapshot already covers', async () => {
    const store = createAppStore();
    const host = fakeBridge();
    bindStore(host.bridge, store);
    host.setStatus({ kind: 'open' });
    host.emit('transfers:events', [{ kind: 'added', seq: 4, transfer: view('old') }]);
    host.emit('transfers:events', [{ kind: 'added', seq: 6, transfer: view('new') }, stateEvent(7, 'new', UPLOADING)]);
    host.emit('transfers:progress', batch(8, ['new', 25]));
    host.answer('transfers:snapshot', snapshot(5, view('snap')));
    host.answer('app:info', INFO);
    host.answer('settings:get', DEFAULT_SETTINGS);
    await settle();
    expect(store.getState().order).toEqual(['snap', 'new']);
    expect(store.getState().transfers.get('new')).toMatchObject({ state: { kind: 'uploading' }, bytesSent: 25 });
    expect(store.getState().lastSeq).toBe(8);

    host.emit('transfers:events', [stateEvent(9, 'snap', UPLOADING)]);
    expect(store.getState().transfers.get('snap')?.state.kind).toBe('uploading');
  });

  it('turns app notices into shown notices', () => {
    const store = createAppStore();
    const host = fakeBridge();
    bindStore(host.bridge, store);
    host.emit('app:notice', { level: 'error', message: 'The local bucket did not start' });
    expect(store.getState().notices).toMatchObject([{ level: 'error', message: 'The local bucket did not start' }]);
  });
});
