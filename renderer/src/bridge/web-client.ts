/**
 * Browser mode's side of the contract: {@link DropsignApi} over the web host's WebSocket
 * (electron/web-host/socket/wire-messages.ts; events that happened together arrive as one frame holding
 * a list of messages). It reconnects on its own, with growing pauses, and reports
 * its status; after each reconnection the page takes a fresh snapshot (bind-store.ts), so nothing missed
 * while away is lost. A call made while the socket is not open (the page has just loaded, or the host is
 * restarting) waits for it, up to {@link CONNECT_WAIT_MS}, then answers a `network-error` Result; calls in
 * flight when the connection drops answer it at once.
 *
 * No DOM types here (the socket and timers are injected), so it is unit-tested in Node.
 */
import type { ErrorInfo } from '../../../electron/shared/errors.js';
import { isEventChannel, type EventChannel, type EventMap, type InvokeChannel, type InvokeResult, type Result } from '../../../electron/shared/ipc/channels.js';
import type { ConnectionStatus, DropsignApi } from './dropsign-api.js';

/** The parts of a browser WebSocket the client uses. */
export interface SocketLike {
  send(text: string): void;
  close(): void;
  onopen: (() => void) | null;
  onclose: (() => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
}

/** Timers, injected so tests control time. */
export interface ClientTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The client: the API, its status, and a way to stop it. */
export interface WebClient extends DropsignApi {
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Closes the socket for good. */
  close(): void;
}

/**
 * Pauses before reconnecting, by attempt. Why these: the first retry is near-immediate (a host restart
 * takes under a second); then back off to 5 s, so a stopped host costs one connection attempt every 5 s.
 */
export const RECONNECT_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 5000];

/**
 * How long a call waits for the connection. Why 10 s: connecting and a host restart take well under a
 * second, so screens that load their data as they open just work; beyond it the host is really gone, and
 * the page says so rather than keep the user waiting.
 */
export const CONNECT_WAIT_MS = 10_000;

const LOST: ErrorInfo = {
  code: 'network-error',
  message: 'Dropsign cannot be reached right now.',
  hint: 'Check that `dropsign web` is still running; the page reconnects by itself.',
};

/** Creates the client and starts connecting. `openSocket` makes a new socket to the host each time. */
export function createWebClient(openSocket: () => SocketLike, timers: ClientTimers): WebClient {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { kind: 'connecting' };
  let socket: SocketLike | undefined;
  let open = false;
  let stopped = false;
  let failures = 0;
  let nextId = 1;
  let retry: unknown;
  /** Calls made while not open: each sends itself once open, or gives up after CONNECT_WAIT_MS. */
  const waiting = new Set<{ readonly send: () => void; readonly fail: () => void }>();

  const setStatus = (next: ConnectionStatus): void => {
    status = next;
    for (const listener of [...statusListeners]) listener(next);
  };

  const dispatchOne = (message: unknown): void => {
    if (typeof message !== 'object' || message === null) return;
    const { id, result, event, payload } = message as { id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
    if (typeof id === 'number') {
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.(result as Result<unknown>);
    } else if (isEventChannel(event)) {
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as (value: unknown) => void)(payload);
    }
  };
  /** One frame: a message, or (events that happened together) a list of them, in order. */
  const dispatch = (text: string): void => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (Array.isArray(message)) for (const item of message) dispatchOne(item);
    else dispatchOne(message);
  };

  const connect = (): void => {
    const current = openSocket();
    socket = current;
    current.onopen = () => {
      open = true;
      failures = 0;
      setStatus({ kind: 'open' });
      for (const call of [...waiting]) call.send();
    };
    current.onmessage = (event) => {
      if (typeof event.data === 'string') dispatch(event.data);
    };
    current.onclose = () => {
      if (socket !== current) return;
      open = false;
      socket = undefined;
      for (const resolve of pending.values()) resolve({ ok: false, error: LOST });
      pending.clear();
      if (stopped) return;
      failures += 1;
      setStatus({ kind: 'reconnecting', attempt: failures });
      const delay = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length) - 1] ?? 5000;
      retry = timers.set(connect, delay);
    };
  };

  const send = (sent: SocketLike, channel: InvokeChannel, args: readonly unknown[]): Promise<Result<unknown>> => {
    const id = nextId++;
    // JSON turns a trailing `undefined` into `null`, which the host's schemas refuse: leave it out.
    const trimmed = [...args];
    while (trimmed.length > 0 && trimmed.at(-1) === undefined) trimmed.pop();
    return new Promise((resolve) => {
      pending.set(id, resolve);
      sent.send(JSON.stringify({ id, channel, args: trimmed }));
    });
  };

  const whenOpen = (channel: InvokeChannel, args: readonly unknown[]): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      const call = {
        send: () => {
          waiting.delete(call);
          timers.clear(deadline);
          if (socket === undefined) resolve({ ok: false, error: LOST });
          else void send(socket, channel, args).then(resolve);
        },
        fail: () => {
          waiting.delete(call);
          timers.clear(deadline);
          resolve({ ok: false, error: LOST });
        },
      };
      const deadline = timers.set(call.fail, CONNECT_WAIT_MS);
      waiting.add(call);
    });

  connect();
  return {
    invoke<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<InvokeResult<C>> {
      if (stopped) return Promise.resolve({ ok: false, error: LOST });
      const result = open && socket !== undefined ? send(socket, channel, args) : whenOpen(channel, args);
      return result as Promise<InvokeResult<C>>;
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      // Stored under its own channel, so it only ever gets that channel's payload.
      const stored = listener as (payload: never) => void;
      set.add(stored);
      return () => void set.delete(stored);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => void statusListeners.delete(listener);
    },
    close() {
      stopped = true;
      timers.clear(retry);
      for (const call of [...waiting]) call.fail();
      socket?.close();
    },
  };
}
