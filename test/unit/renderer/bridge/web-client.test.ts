/**
 * Browser mode's client: calls and replies by id, events to their listeners, and a connection that comes
 * back by itself (with growing pauses) and says where it is.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../../renderer/src/bridge/dropsign-api.js';
import { CONNECT_WAIT_MS, createWebClient, RECONNECT_DELAYS_MS, type SocketLike } from '../../../../renderer/src/bridge/web-client.js';

class FakeSocket implements SocketLike {
  readonly sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  closed = false;
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(): void {
    this.closed = true;
    this.onclose?.();
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

function world() {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const statuses: ConnectionStatus[] = [];
  const client = createWebClient(
    () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    {
      set: (callback, ms) => timers.push({ callback, ms, cleared: false }) - 1,
      clear: (handle) => {
        const timer = timers[handle as number];
        if (timer !== undefined) timer.cleared = true;
      },
    },
  );
  client.onStatus((status) => statuses.push(status));
  const last = (): FakeSocket => sockets.at(-1) as FakeSocket;
  return { client, sockets, timers, statuses, last };
}

describe('createWebClient', () => {
  it('sends calls with fresh ids once open, and resolves each with its own reply', async () => {
    const { client, last, statuses } = world();
    expect(statuses).toEqual([{ kind: 'connecting' }]);
    last().onopen?.();
    expect(statuses.at(-1)).toEqual({ kind: 'open' });
    const first = client.invoke('transfers:snapshot');
    const second = client.invoke('transfers:cancel', 't-1');
    expect(last().sent).toEqual([
      { id: 1, channel: 'transfers:snapshot', args: [] },
      { id: 2, channel: 'transfers:cancel', args: ['t-1'] },
    ]);
    last().receive({ id: 2, result: { ok: true, value: null } });
    last().receive({ id: 1, result: { ok: true, value: 'snap' } });
    expect(await first).toEqual({ ok: true, value: 'snap' });
    expect(await second).toEqual({ ok: true, value: null });
  });

  it('leaves out a trailing undefined argument (JSON would make it null, which the host refuses)', () => {
    const { client, last } = world();
    last().onopen?.();
    void client.invoke('transfers:retry', undefined);
    expect(last().sent).toEqual([{ id: 1, channel: 'transfers:retry', args: [] }]);
  });

  it('hands events to their listeners only, and ignores what it cannot read', () => {
    const { client, last } = world();
    const notices: unknown[] = [];
    const stop = client.on('app:notice', (notice) => notices.push(notice));
    client.on('transfers:events', () => notices.push('wrong channel'));
    last().onopen?.();
    last().receive({ event: 'app:notice', payload: { level: 'info', message: 'hi' } });
    last().receive({ event: 'fs:changed', payload: 1 });
    last().receive('{not json');
    last().receive({ id: 99, result: { ok: true, value: 1 } });
    stop();
    last().receive({ event: 'app:notice', payload: { level: 'info', message: 'after stop' } });
    expect(notices).toEqual([{ level: 'info', message: 'hi' }]);
  });

  it('hands out the events of a frame that holds several, in their order', () => {
    const { client, last } = world();
    const heard: unknown[] = [];
    client.on('app:notice', (notice) => heard.push(notice.message));
    client.on('transfers:events', (events) => heard.push(events.map((event) => event.seq)));
    last().onopen?.();
    last().receive([
      { event: 'transfers:events', payload: [{ kind: 'removed', seq: 1, id: 'a' }, { kind: 'removed', seq: 2, id: 'b' }] },
      { event: 'app:notice', payload: { level: 'info', message: 'between' } },
      { event: 'transfers:events', payload: [{ kind: 'removed', seq: 3, id: 'c' }] },
      'not a message',
    ]);
    expect(heard).toEqual([[1, 2], 'between', [3]]);
  });

  it('holds calls made before the connection opens and sends them once it does', async () => {
    const { client, last } = world();
    const early = client.invoke('app:info');
    expect(last().sent).toEqual([]);
    last().onopen?.();
    expect(last().sent).toEqual([{ id: 1, channel: 'app:info', args: [] }]);
    last().receive({ id: 1, result: { ok: true, value: 'info' } });
    expect(await early).toEqual({ ok: true, value: 'info' });
  });

  it('answers network-error when the connection does not open in time, and fails calls in flight when it drops', async () => {
    const { client, last, timers } = world();
    const early = client.invoke('app:info');
    const deadline = timers.find((timer) => timer.ms === CONNECT_WAIT_MS);
    deadline?.callback();
    expect(await early).toMatchObject({ ok: false, error: { code: 'network-error' } });
    last().onopen?.();
    expect(last().sent).toEqual([]);
    const inFlight = client.invoke('app:info');
    last().onclose?.();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'network-error' } });
  });

  it('answers waiting calls network-error when closed for good', async () => {
    const { client } = world();
    const early = client.invoke('app:info');
    client.close();
    expect(await early).toMatchObject({ ok: false, error: { code: 'network-error' } });
    expect(await client.invoke('app:info')).toMatchObject({ ok: false, error: { code: 'network-error' } });
  });

  it('reconnects by itself with growing pauses, and reports open again', () => {
    const { sockets, timers, statuses, last } = world();
    last().onopen?.();
    for (let attempt = 1; attempt <= RECONNECT_DELAYS_MS.length + 1; attempt += 1) {
      last().onclose?.();
      expect(statuses.at(-1)).toEqual({ kind: 'reconnecting', attempt });
      expect(timers.at(-1)?.ms).toBe(RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length) - 1]);
      timers.at(-1)?.callback();
    }
    expect(sockets).toHaveLength(RECONNECT_DELAYS_MS.length + 2);
    last().onopen?.();
    expect(statuses.at(-1)).toEqual({ kind: 'open' });
    last().onclose?.();
    expect(timers.at(-1)?.ms).toBe(RECONNECT_DELAYS_MS[0]);
  });

  it('stops for good when closed', () => {
    const { client, sockets, timers, last } = world();
    last().onopen?.();
    last().onclose?.();
    client.close();
    expect(timers.at(-1)?.cleared).toBe(true);
    expect(sockets).toHaveLength(1);
  });
});
