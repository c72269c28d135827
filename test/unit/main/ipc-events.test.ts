/**
 * Events to the window (electron/main/ipc/events.ts): in order as they come; progress held and merged while
 * the window is hidden, then sent once when it shows.
 */
import { describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../electron/core/app/event-hub.js';
import type { ProgressBatch, TransferEvent } from '../../../electron/shared/transfer.js';
import { FakeBrowserWindow } from '../../helpers/electron-mock.js';

vi.mock('electron', () => import('../../helpers/electron-mock.js'));

const { EventForwarder } = await import('../../../electron/main/ipc/events.js');

/** The services' event side: the app's own EventHub. */
function fakeServices(): EventHub {
  return new EventHub((error) => {
    throw error;
  });
}

const totals = { files: 2, filesDone: 0, filesFailed: 0, bytesTotal: 200, bytesSent: 0, bytesPerSecond: 0 };
const batch = (seq: number, samples: [string, number][]): ProgressBatch => ({
  seq,
  totals: { ...totals, bytesSent: samples.reduce((n, [, b]) => n + b, 0) },
  samples: samples.map(([id, bytesSent]) => ({ id, bytesSent, bytesPerSecond: 10 })),
});
const stateEvent = (seq: number, id: string): TransferEvent => ({ kind: 'state', seq, id, key: id, state: { kind: 'canceled' } });

function shownWindow(): FakeBrowserWindow {
  const window = new FakeBrowserWindow({});
  window.show();
  return window;
}

describe('EventForwarder', () => {
  it('sends every event channel to the window, in the order they come', () => {
    const services = fakeServices();
    const forwarder = new EventForwarder(services);
    const window = shownWindow();
    forwarder.setWindow(window as never);
    services.emit('transfers:progress', batch(1, [['a', 10]]));
    services.emit('transfers:events', [stateEvent(2, 'a')]);
    services.emit('app:notice', { level: 'info', message: 'hello' });
    services.emit('transfers:progress', batch(3, [['b', 5]]));
    expect(window.webContents.sent.map(([channel, payload]) => [channel, (payload as { seq?: number }).seq])).toEqual([
      ['transfers:progress', 1],
      ['transfers:events', undefined],
      ['app:notice', undefined],
      ['transfers:progress', 3],
    ]);
  });

  it('holds progress while hidden, merging it (newest per transfer), and sends it once on show', () => {
    const services = fakeServices();
    const forwarder = new EventForwarder(services);
    const window = shownWindow();
    forwarder.setWindow(window as never);
    window.hide();
    services.emit('transfers:progress', batch(1, [['a', 10], ['b', 10]]));
    services.emit('transfers:progress', batch(2, [['a', 50]]));
    services.emit('transfers:events', [stateEvent(3, 'b')]);
    services.emit('transfers:progress', batch(4, [['c', 7]]));
    // Events are never held; progress is.
    expect(window.webContents.sent.map(([channel]) => channel)).toEqual(['transfers:events']);
    window.show();
    const [channel, merged] = window.webContents.sent.at(-1) ?? [];
    expect(channel).toBe('transfers:progress');
    expect(merged).toEqual({
      seq: 4,
      totals: batch(4, [['c', 7]]).totals,
      // b changed state after its sample, so its stale bytes are left out.
      samples: [
        { id: 'a', bytesSent: 50, bytesPerSecond: 10 },
        { id: 'c', bytesSent: 7, bytesPerSecond: 10 },
      ],
    });
    window.show();
    expect(window.webContents.sent.filter(([c]) => c === 'transfers:progress')).toHaveLength(1);
  });

  it('treats a minimised window as hidden until restored', () => {
    const services = fakeServices();
    const forwarder = new EventForwarder(services);
    const window = shownWindow();
    forwarder.setWindow(window as never);
    window.minimized = true;
    services.emit('transfers:progress', batch(1, [['a', 10]]));
    expect(window.webContents.sent).toHaveLength(0);
    window.restore();
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('sends nothing to a destroyed window, or with none, and nothing after dispose', () => {
    const services = fakeServices();
    const forwarder = new EventForwarder(services);
    services.emit('transfers:events', [stateEvent(1, 'a')]);
    const closed = shownWindow();
    forwarder.setWindow(closed as never);
    closed.close();
    services.emit('transfers:events', [stateEvent(2, 'a')]);
    expect(closed.webContents.sent).toHaveLength(0);
    const open = shownWindow();
    forwarder.setWindow(open as never);
    forwarder.dispose();
    services.emit('transfers:events', [stateEvent(3, 'a')]);
    services.emit('app:notice', { level: 'info', message: 'late' });
    expect(open.webContents.sent).toHaveLength(0);
  });
});
