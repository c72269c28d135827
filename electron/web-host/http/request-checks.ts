/**
 * The checks every request to the web host passes before anything else: a loopback peer, a Host header
 * naming this server (the DNS-rebinding guard), an Origin of this server where one is required, and the
 * credential (the token, or the asset cookie for static files). Each check answers a {@link Denial} or
 * `undefined` (allowed), so the caller decides how to refuse (an HTTP status, or a refused upgrade).
 */
import type { IncomingMessage } from 'node:http';
import { secretMatches } from '../access-token.js';
import { isLoopbackAddress } from '../loopback.js';
import { TOKEN_PROTOCOL_PREFIX } from '../web-protocol.js';

/** Why a request was refused: 401 without a valid credential, 403 for a foreign peer, host or origin. */
export interface Denial {
  readonly status: 401 | 403;
  /** One plain sentence, safe to send back (it never echoes what the request carried). */
  readonly reason: string;
}

/** The Host values this server answers to, and the origins of the pages it serves. */
export interface OwnNames {
  /** `127.0.0.1:PORT`, `localhost:PORT`, and the listening address with the port when it is another one. */
  readonly hosts: readonly string[];
  /** `http://` and each host. */
  readonly origins: readonly string[];
}

/** The names of a server listening on `address` (a loopback address) and `port`. */
export function ownNames(address: string, port: number): OwnNames {
  const listening = `${address.includes(':') ? `[${address}]` : address}:${port}`;
  const hosts = [...new Set([`127.0.0.1:${port}`, `localhost:${port}`, listening])];
  return { hosts, origins: hosts.map((host) => `http://${host}`) };
}

/** Refuses a peer that is not on this machine (the socket listens on loopback, so this is defence in depth). */
export function checkPeer(request: IncomingMessage): Denial | undefined {
  return isLoopbackAddress(request.socket.remoteAddress)
    ? undefined
    : { status: 403, reason: 'Dropsign browser mode only answers this machine.' };
}

/**
 * Refuses a Host other than this server's (`127.0.0.1:PORT` or `localhost:PORT`). A page on another site whose name was
 * re-pointed to 127.0.0.1 (DNS rebinding) sends its own name here, so it is refused.
 */
export function checkHost(request: IncomingMessage, names: OwnNames): Denial | undefined {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && names.hosts.includes(host)
    ? undefined
    : { status: 403, reason: 'Unexpected Host header: open Dropsign at the address `dropsign web` printed.' };
}

/**
 * Refuses an Origin other than this server's. With `required`, a missing Origin is refused too (browsers
 * send one on every POST and WebSocket handshake; only non-browser clients leave it out, and they have
 * no business changing state without the token either). Without it, a missing Origin is allowed (plain
 * navigations) but a foreign one is not.
 */
export function checkOrigin(request: IncomingMessage, names: OwnNames, required: boolean): Denial | undefined {
  const origin = request.headers.origin;
  if (origin === undefined) {
    return required ? { status: 403, reason: 'The request has no Origin; only the Dropsign page may do this.' } : undefined;
  }
  return names.origins.includes(origin.toLowerCase())
    ? undefined
    : { status: 403, reason: 'Requests from other sites are refused.' };
}

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,256})$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** The token offered as the `dropsign.token.<token>` WebSocket sub-protocol, if any. */
export function protocolToken(request: IncomingMessage): string | undefined {
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((name) => name.trim());
  const entry = offered.find((name) => name.startsWith(TOKEN_PROTOCOL_PREFIX));
  return entry?.slice(TOKEN_PROTOCOL_PREFIX.length);
}

/** The value of cookie `name` in the request's Cookie header, if present. */
export function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/** Refuses unless `given` is the expected secret. */
export function checkSecret(expected: string, given: string | undefined, what: string): Denial | undefined {
  return secretMatches(expected, given)
    ? undefined
    : { status: 401, reason: `Missing or wrong ${what}: open the address \`dropsign web\` printed, with its token.` };
}
