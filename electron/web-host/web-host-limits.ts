/**
 * The web host's bounds on sockets and messages (the spool has its own: spool/spool-limits.ts).
 */
import type { SocketLimits } from './socket/contract-socket.js';

/** Every bound of the web host's sockets. */
export interface WebHostLimits extends SocketLimits {
  /** The largest WebSocket message accepted, in bytes; a bigger one closes the socket (code 1009). */
  readonly maxMessageBytes: number;
  /** Sockets open at once. */
  readonly maxConnections: number;
}

/** The bounds of a normal run. */
export const DEFAULT_WEB_HOST_LIMITS: WebHostLimits = {
  // Why 1 MiB: ws holds a whole message in memory before we see it, so this bounds memory per socket.
  // The largest real message, an enqueue of 10,000 spool references (MAX_ENQUEUE_PATHS, ~45 bytes
  // each), is about 500 KB; everything else is a few KB.
  maxMessageBytes: 1024 * 1024,
  // Why 16: one socket per open tab; more means a leak or abuse, not a user.
  maxConnections: 16,
  // Why 16: the page makes a handful of calls at once (snapshot, info, settings, a few controls).
  maxInFlight: 16,
  // Why 200 then 50 a second: a reload makes about five calls and a busy user a few a second; a page
  // sending more is looping, and gets `server-busy` answers instead of making the host work.
  messageBurst: 200,
  messagesPerSecond: 50,
  // Why 8 MiB: thousands of progress batches; a page that lets this much pile up is not reading.
  maxBufferedBytes: 8 * 1024 * 1024,
};
