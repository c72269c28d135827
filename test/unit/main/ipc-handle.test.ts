/**
 * The IPC gate (electron/main/ipc/handle.ts): every contract channel registered once and disposable; the
 * sender is checked before anything else, then the payload, then the services answer.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../electron/shared/ipc/channels.js';
import { FakeBrowserWindow, ipcMain } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { registerInvokeHandlers, UNTRUSTED_SENDER_ERROR } = await import('../../../electron/main/ipc/handle.js');
const { TrustedSenders } = await import('../../../electron/main/ipc/trusted-senders.js');

type Invoke = (channel: InvokeChannel, args: unknown) => Promise<unknown>;

function setup(invoke: Invoke = async () => ({ ok: true, value: null })) {
  const services = { invoke: vi.fn(invoke) };
  const trusted = new TrustedSenders();
  const window = new FakeBrowserWindow({});
  trusted.add(window.webContents as unknown as Electron.WebContents);
  void window.loadURL('app://dropsign/index.html');
  const onReply = vi.fn();
  const registration = registerInvokeHandlers({
    ipcMain: ipcMain as unknown as Electron.IpcMain,
    services: services as never,
    isTrusted: (event) => trusted.isTrusted(event),
    onReply,
  });
  const eventFrom = (contents = window.webContents, frame: { url: string; parent: unknown } | null = contents.mainFrame) => ({ sender: contents, senderFrame: frame });
  const call = (channel: string, event: unknown, ...args: unknown[]) => {
    const handler = ipcMain.handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  };
  return { services, window, registration, eventFrom, call, onReply };
}

beforeEach(() => {
  for (const channel of [...ipcMain.handlers.keys()]) ipcMain.removeHandler(channel);
});

describe('registration', () => {
  it('registers every contract channel exactly once, and disposing removes them all', () => {
    const { registration } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    // A second registration would throw in Electron (one handler per channel); ours first cleans up.
    expect(() => setup()).toThrow(/second handler/);
    registration.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    registration.dispose();
    expect(() => setup()).not.toThrow();
  });
});

describe('the gate', () => {
  it('refuses an untrusted web contents before any service call', async () => {
    const { services, call, eventFrom } = setup();
    const stranger = new FakeBrowserWindow({});
    void stranger.loadURL('app://dropsign/index.html');
    const reply = await call('settings:get', eventFrom(stranger.webContents));
    expect(reply).toEqual({ ok: false, error: UNTRUSTED_SENDER_ERROR });
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('refuses a sub-frame, a frame gone, and a page that is not ours', async () => {
    const { services, call, eventFrom, window } = setup();
    const main = window.webContents.mainFrame;
    expect((await call('app:info', eventFrom(window.webContents, { url: 'app://dropsign/index.html', parent: main }))).ok).toBe(false);
    expect((await call('app:info', eventFrom(window.webContents, null))).ok).toBe(false);
    expect((await call('app:info', eventFrom(window.webContents, { url: 'https://evil.example/', parent: null }))).ok).toBe(false);
    expect((await call('app:info', eventFrom(window.webContents, { url: 'file:///tmp/x.html', parent: null }))).ok).toBe(false);
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('stops trusting a window once it is destroyed', async () => {
    const { services, call, eventFrom, window } = setup();
    window.close();
    expect((await call('app:info', eventFrom())).error?.code).toBe('access-denied');
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('refuses a malformed payload before any service call, naming the field', async () => {
    const { services, call, eventFrom } = setup();
    const cases: [string, unknown[]][] = [
      ['transfers:enqueue', [{ paths: [] }]],
      ['transfers:enqueue', [{ paths: ['/a'], extra: 1 }]],
      ['transfers:enqueue', [{ paths: ['/a'] }, 'surplus']],
      ['transfers:pause', [42]],
      ['settings:set', [{ concurrency: 1000 }]],
      ['profiles:get', []],
    ];
    for (const [channel, args] of cases) {
      const reply = await call(channel, eventFrom(), ...args);
      expect(reply.ok, channel).toBe(false);
      expect(reply.error?.code).toBe('invalid-argument');
    }
    expect(services.invoke).not.toHaveBeenCalled();
  });

  it('passes the parsed arguments to the services and answers their Result', async () => {
    const outcome = { profile: 'local', ids: ['t1'], problems: [], alreadyQueued: 0 };
    const { services, call, eventFrom, onReply } = setup(async () => ({ ok: true, value: outcome }));
    const reply = await call('transfers:enqueue', eventFrom(), { paths: ['/home/me/a.png'] });
    expect(reply).toEqual({ ok: true, value: outcome });
    expect(services.invoke).toHaveBeenCalledWith('transfers:enqueue', [{ paths: ['/home/me/a.png'] }]);
    expect(onReply).toHaveBeenCalledWith('transfers:enqueue', { ok: true, value: outcome });
  });

  it('turns a service that throws into an error Result (Electron would keep only the message)', async () => {
    const { call, eventFrom } = setup(async () => {
      throw new Error('boom');
    });
    const reply = await call('transfers:snapshot', eventFrom());
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('internal');
  });
});
