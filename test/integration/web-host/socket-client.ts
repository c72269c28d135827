/**
 * A test's own connection to a web host's contract socket (what the page's bridge does, from Node): raw
 * frames when a test needs them, and `call` for a request and its reply.
 */
import WebSocket from 'ws';

/** The handshake's parts a test may change. */
export interface SocketOptions {
  /** Default: the host's own origin. */
  readonly origin?: string;
  /** Default: `dropsign.v1` and `dropsign.token.<token>`. */
  readonly protocols?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
}

/** An open socket with what it received. */
export interface TestSocket {
  readonly socket: WebSocket;
  /** Every message received, parsed (a frame holding a list of events counts as each of them). */
  readonly received: unknown[];
  /** Sends a call and resolves its reply's `result`. */
  call(channel: string, args: unknown[]): Promise<unknown>;
  /** Sends a raw text frame and resolves the next reply with `id` (null for unreadable messages). */
  sendRaw(text: string, id: number | null): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens a socket to `origin`'s `/ws` with `token`; rejects with the refusal's HTTP status when the handshake is refused. */
export function openSocket(hostOrigin: string, token: string, options: SocketOptions = {}): Promise<TestSocket> {
  const url = `${hostOrigin.replace(/^http/, 'ws')}/ws`;
  const socket = new WebSocket(url, [...(options.protocols ?? ['dropsign.v1', `dropsign.token.${token}`])], {
    origin: options.origin ?? hostOrigin,
    ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
  });
  const received: unknown[] = [];
  const waiters: { id: number | null; resolve: (result: unknown) => void }[] = [];
  let nextId = 1_000_000;
  socket.on('message', (data: Buffer) => {
    const parsed = JSON.parse(data.toString()) as unknown;
    // Events that happened together come as one frame holding a list of them.
    if (Array.isArray(parsed)) {
      received.push(...(parsed as unknown[]));
      return;
    }
    const message = parsed as { id?: number | null; result?: unknown };
    received.push(message);
    if (!('id' in message)) return;
    const index = waiters.findIndex((waiter) => waiter.id === message.id);
    if (index >= 0) waiters.splice(index, 1)[0]?.resolve(message.result);
  });
  const sendRaw = (text: string, id: number | null): Promise<unknown> =>
    new Promise((resolve) => {
      waiters.push({ id, resolve });
      socket.send(text);
    });
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)));
    socket.once('error', reject);
    socket.once('open', () =>
      resolve({
        socket,
        received,
        call: (channel, args) => {
          const id = nextId++;
          return sendRaw(JSON.stringify({ id, channel, args }), id);
        },
        sendRaw,
        close: () =>
          new Promise((done) => {
            if (socket.readyState === WebSocket.CLOSED) return done();
            socket.once('close', () => done());
            socket.close();
          }),
      }),
    );
  });
}
