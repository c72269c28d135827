/**
 * WebSocket handshakes (`GET /ws`, `Upgrade: websocket`): allowed only from loopback, with this server's
 * Host and Origin, the token as the `dropsign.token.<T>` sub-protocol next to `dropsign.v1`, and a free
 * connection slot. A refused handshake gets a plain HTTP status and the connection is closed.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { SOCKET_PATH, SOCKET_PROTOCOL } from '../web-protocol.js';
import type { HostContext } from './handle-request.js';
import { checkHost, checkOrigin, checkPeer, checkSecret, protocolToken, type Denial } from './request-checks.js';

/** A refusal of a handshake: the checks' 401 and 403, and 400, 404 and 503 of its own. */
export interface UpgradeDenial {
  readonly status: 400 | 401 | 403 | 404 | 503;
  readonly reason: string;
}

function pathOf(request: IncomingMessage): string {
  const target = request.url ?? '/';
  const query = target.indexOf('?');
  return query < 0 ? target : target.slice(0, query);
}

/** Why the handshake must be refused, or undefined to accept it. */
export function upgradeDenial(request: IncomingMessage, context: HostContext, openSockets: number, maxSockets: number): UpgradeDenial | undefined {
  const denial: Denial | undefined =
    checkPeer(request) ??
    checkHost(request, context.names) ??
    checkOrigin(request, context.names, true) ??
    checkSecret(context.token, protocolToken(request), 'token');
  if (denial !== undefined) return denial;
  if (pathOf(request) !== SOCKET_PATH) return { status: 404, reason: 'Not found.' };
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((name) => name.trim());
  if (!offered.includes(SOCKET_PROTOCOL)) return { status: 400, reason: `Only the ${SOCKET_PROTOCOL} protocol is spoken here.` };
  if (openSockets >= maxSockets) return { status: 503, reason: 'Too many Dropsign pages are open; close one and reload.' };
  return undefined;
}

/** Answers a refused handshake and closes the connection. */
export function refuseUpgrade(socket: Duplex, denial: UpgradeDenial): void {
  const body = `${denial.reason}\n`;
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 ${denial.status} ${STATUS_CODES[denial.status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
