/**
 * One page's WebSocket (already authorised): contract calls in, replies and events out (wire-messages.ts).
 *
 * - Events are forwarded in the order the services emit them; progress is already coalesced by the
 *   engine; events are gathered for up to 16 ms into one frame (event-outbox.ts), never dropped, merged
 *   across kinds or reordered.
 * - Calls run concurrently, up to a bound; beyond it, or beyond the message rate, the call is answered
 *   with a `server-busy` error at once (never queued without bound).
 * - Anything unreadable (not JSON, binary, the wrong shape) is answered with an error; nothing a page
 *   sends can throw out of here.
 * - A page that stops reading (its socket's send buffer passes a bound) is disconnected: events must not
 *   be dropped, and memory must not grow; the page reconnects and catches up from a snapshot.
 */
import WebSocket, { type RawData } from 'ws';
import type { ErrorInfo } from '../../shared/errors.js';
import { EVENT_CHANNELS, type Result } from '../../shared/ipc/channels.js';
import { EventOutbox, type OutboxTimer } from './event-outbox.js';
import { runCall, type CallDeps } from './run-call.js';
import { TokenBucket } from './token-bucket.js';
import { parseClientMessage, replyText } from './wire-messages.js';

/** The bounds of one socket. */
export interface SocketLimits {
  /** Calls running at once. */
  readonly maxInFlight: number;
  /** Messages accepted at once before the rate applies. */
  readonly messageBurst: number;
  /** Messages per second on average. */
  readonly messagesPerSecond: number;
  /** Bytes waiting to be sent before the page counts as gone. */
  readonly maxBufferedBytes: number;
}

/** What a socket is served with. */
export interface ContractSocketDeps extends CallDeps {
  readonly limits: SocketLimits;
  /** For testing: the rate limiter's clock. */
  readonly now?: () => number;
  /** For testing: the timers that gather transfer events. */
  readonly timer?: OutboxTimer;
}

const BUSY: ErrorInfo = {
  code: 'server-busy',
  message: 'Too many requests at once.',
  hint: 'Wait a moment and try again; if a page keeps doing this, reload it.',
};

const BINARY: ErrorInfo = {
  code: 'invalid-argument',
  message: 'Binary messages are not understood.',
  hint: 'This is a bug in the page talking to Dropsign; reload it.',
};

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/** Serves the contract on `socket` until it closes. */
export function serveContract(socket: WebSocket, deps: ContractSocketDeps): void {
  const { limits } = deps;
  const rate = new TokenBucket(limits.messageBurst, limits.messagesPerSecond, deps.now);
  let inFlight = 0;

  const write = (text: string): void => {
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      socket.terminate();
      return;
    }
    socket.send(text);
  };
  const outbox = new EventOutbox(write, deps.timer);
  const reply = (id: number | null, result: Result<unknown>): void => outbox.send(replyText(id, result));

  const unsubscribes = EVENT_CHANNELS.map((event) => deps.services.on(event, (payload) => outbox.event(event, payload)));

  socket.on('message', (data, isBinary) => {
    if (isBinary) return reply(null, { ok: false, error: BINARY });
    const message = parseClientMessage(textOf(data));
    if (message.kind === 'malformed') return reply(message.id, { ok: false, error: message.error });
    if (!rate.take() || inFlight >= limits.maxInFlight) return reply(message.id, { ok: false, error: BUSY });
    inFlight += 1;
    void runCall(message.channel, message.args, deps).then((result) => {
      inFlight -= 1;
      reply(message.id, result);
    });
  });
  // ws reports protocol violations (an oversized or invalid frame) here, then closes the socket itself.
  socket.on('error', () => undefined);
  socket.once('close', () => {
    outbox.close();
    for (const unsubscribe of unsubscribes) unsubscribe();
  });
}
