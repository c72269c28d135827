/**
 * Sending OSS error answers: over a ServerResponse (with care for a body still on the wire) and raw on a
 * socket for requests Node could not parse (huge headers, bad syntax).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { OSS_ERROR_STATUS, type OssErrorResponse } from './oss-errors.js';
import { errorXml } from './oss-xml.js';
import type { BodyState } from './request-context.js';

/**
 * Largest unread body the server swallows after an early error to keep the connection alive. Why 1 MiB:
 * cheap to discard, and closing on a client still sending can make its kernel drop our answer (a reset
 * races the response); beyond it, a closed connection costs less than reading the rest.
 */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/** How far the request had got when the error happened. */
export interface ErrorContext {
  readonly requestId: string;
  readonly hostId: string;
  readonly bodyState: BodyState;
  readonly expectsContinue: boolean;
}

/** Answers `req` with `error`, or destroys the connection when an answer is already under way. */
export function sendErrorResponse(
  req: IncomingMessage,
  res: ServerResponse,
  error: OssErrorResponse,
  context: ErrorContext,
): void {
  if (res.headersSent) {
    // Half an answer is out (a download failed midway): the only honest signal left is a cut connection.
    res.destroy();
    return;
  }
  if (res.destroyed || req.socket.destroyed) return;
  const body = Buffer.from(errorXml(error, context.requestId, context.hostId), 'utf8');
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  if (error.ec !== undefined) res.setHeader('x-oss-ec', error.ec);
  res.setHeader('content-type', 'application/xml');
  res.setHeader('content-length', String(body.length));
  if (shouldClose(req, context)) res.setHeader('connection', 'close');
  res.writeHead(error.status);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** True when the connection cannot carry another request after this early answer. */
function shouldClose(req: IncomingMessage, context: ErrorContext): boolean {
  if (context.bodyState === 'done' || req.readableEnded) return false;
  const chunked = req.headers['transfer-encoding'] !== undefined;
  const length = Number(req.headers['content-length'] ?? '0');
  if (!chunked && !(length > 0)) return false;
  // The client waits for 100 Continue and will not send the body: nothing to drain, but the framing is lost.
  if (context.expectsContinue && context.bodyState === 'unread') return true;
  if (context.bodyState === 'reading') return true;
  return chunked || length > DRAIN_LIMIT_BYTES;
}

/** Answers a request Node could not parse, straight on the socket, then closes it. */
export function sendRawError(socket: Duplex, code: 'RequestHeaderFieldsTooLarge' | 'InvalidRequest', requestId: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = OSS_ERROR_STATUS[code];
  const message =
    code === 'RequestHeaderFieldsTooLarge'
      ? 'Your request header section exceeds the maximum allowed size.'
      : 'The request could not be parsed as HTTP.';
  const body = Buffer.from(errorXml({ status, code, message }, requestId, ''), 'utf8');
  const reason = code === 'RequestHeaderFieldsTooLarge' ? 'Request Header Fields Too Large' : 'Bad Request';
  const head = [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/xml',
    `Content-Length: ${body.length}`,
    `x-oss-request-id: ${requestId}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  // A client that neither reads nor closes must not keep the socket: give it a moment, then cut.
  setTimeout(() => socket.destroy(), RAW_ERROR_LINGER_MS).unref();
}

/** How long a raw error answer may take to drain before the socket is destroyed: ample on loopback. */
const RAW_ERROR_LINGER_MS = 1000;
