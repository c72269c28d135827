/**
 * Pooled keep-alive connections for the HTTP object API: one `http.Agent` and one `https.Agent`, shared by
 * every request to every origin, with TLS verification that cannot be turned off.
 *
 * The pool is what the object API receives (see `createHttpObjectApi`'s `agents` option), so a later
 * proxy-aware provider (HTTPS_PROXY, NO_PROXY) only has to hand out other agents for the same URLs.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/** Hands out the agent for a request; the seam for proxies and custom CAs. */
export interface AgentProvider {
  /** The agent that carries a request to `url` (chosen by scheme here; a proxy provider may look at the host). */
  agentFor(url: URL): HttpAgent;
  /** Closes every pooled socket. Requests in flight are cut; later requests open new sockets. */
  destroy(): void;
}

/** Pool options. Every field has a default. */
export interface AgentPoolOptions {
  /**
   * Most sockets per origin (host and port). Why 64 by default: the scheduler runs at most 32 files at once
   * (plus parts within a file and the small control requests beside them); the pool must never be the
   * tighter limit, or requests would wait inside the agent, invisible to the scheduler, with their stall
   * timers not yet running. The scheduler's own concurrency is the real bound; pass
   * `concurrency + headroom` to size it exactly.
   */
  readonly maxSockets?: number;
  /**
   * How long a pooled socket may sit unused before it is closed. Why 4 s: below the 5 s keep-alive timeout
   * of Node servers (the local bucket) and of many load balancers, so we close first instead of writing a
   * request into a socket the server is closing (a reset on reuse); between the files of a batch sockets are
   * idle for milliseconds, so reuse is unaffected. A server's `Keep-Alive: timeout=N` hint is honoured on
   * top of this by Node.
   */
  readonly idleSocketMs?: number;
  /** Extra trusted CA certificates (PEM), for a corporate CA or a test server. Verification stays on. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
}

/** Default of {@link AgentPoolOptions.maxSockets}. */
export const DEFAULT_MAX_SOCKETS = 64;
/** Default of {@link AgentPoolOptions.idleSocketMs}. */
export const DEFAULT_IDLE_SOCKET_MS = 4_000;

/**
 * TCP keep-alive probe delay on pooled sockets. Why 30 s: probes only matter for long uploads through NAT
 * boxes that drop silent flows; data flowing makes them moot, and Node's 1 s default would probe idle
 * sockets needlessly.
 */
const TCP_KEEPALIVE_MS = 30_000;

/** Checks a positive integer option; RangeError names the option. */
function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer.`);
  return value;
}

/**
 * The default provider: one keep-alive agent per scheme.
 *
 * - `keepAlive` with `maxFreeSockets = maxSockets`: a socket freed by one file is kept for the next instead
 *   of being closed and re-opened (a TCP and TLS handshake per small file would dominate its upload).
 * - `scheduling: 'lifo'`: the most recently used socket is reused first, so surplus sockets age out.
 * - `noDelay`: the request head and small bodies leave at once instead of waiting for an ACK (Nagle).
 * - `rejectUnauthorized: true` explicitly, so neither a caller nor NODE_TLS_REJECT_UNAUTHORIZED can relax it.
 */
export function createAgentPool(options: AgentPoolOptions = {}): AgentProvider {
  const maxSockets = positiveInteger(options.maxSockets, DEFAULT_MAX_SOCKETS, 'maxSockets');
  const idleSocketMs = positiveInteger(options.idleSocketMs, DEFAULT_IDLE_SOCKET_MS, 'idleSocketMs');
  const common = {
    keepAlive: true,
    keepAliveMsecs: TCP_KEEPALIVE_MS,
    maxSockets,
    maxFreeSockets: maxSockets,
    // The agent's `timeout` is the idle timeout of pooled sockets: a request sets its own stall timeout.
    timeout: idleSocketMs,
    scheduling: 'lifo' as const,
    noDelay: true,
  };
  const http = new HttpAgent(common);
  const https = new HttpsAgent({
    ...common,
    rejectUnauthorized: true,
    ...(options.ca === undefined ? {} : { ca: options.ca as string | Buffer | (string | Buffer)[] }),
  });
  return {
    agentFor: (url) => (url.protocol === 'https:' ? https : http),
    destroy: () => {
      http.destroy();
      https.destroy();
    },
  };
}
