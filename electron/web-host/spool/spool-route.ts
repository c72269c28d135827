/**
 * `POST /spool?name=NAME&relativePath=FOLDER/NAME`: the page streams one dropped file's bytes (the body,
 * with its Content-Length) into the spool, and gets back the reference it then enqueues:
 * `{ ok: true, value: { ref: "spool:<id>", size } }`, or `{ ok: false, error }` with a 4xx/5xx status.
 * The token and the Origin are checked before this runs (web-host.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import { sendResult } from '../http/respond.js';
import { SPOOL_REF_PREFIX } from '../web-protocol.js';
import { spoolRelativePath } from './spool-names.js';
import type { SpoolStore } from './spool-store.js';

/** What a successful spool request answers. */
export interface SpoolReceipt {
  /** What to put in `transfers:enqueue`'s `paths`. */
  readonly ref: string;
  readonly size: number;
}

/**
 * Why 64 MiB: a refused upload is read and dropped up to this much so the page receives the refusal
 * (closing a socket with unread data makes the peer's TCP stack discard our answer); beyond it the
 * connection is cut, and the page reports a failed send instead of the reason.
 */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid-argument':
      return 400;
    case 'file-too-large':
      return 413;
    case 'server-busy':
      return 503;
    default:
      return 500;
  }
}

/** Reads and drops what is left of a refused request's body, up to a bound, then closes the connection. */
function discardBody(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) request.destroy();
  });
  request.on('error', () => undefined);
}

function refuse(request: IncomingMessage, response: ServerResponse, status: number, result: Result<never>): void {
  discardBody(request, response);
  sendResult(response, status, result);
}

/** Handles one spool request (already authorised). */
export async function handleSpoolRequest(
  request: IncomingMessage,
  response: ServerResponse,
  query: URLSearchParams,
  spool: SpoolStore,
): Promise<void> {
  const relativePath = spoolRelativePath(query.get('name'), query.get('relativePath'));
  if (!relativePath.ok) {
    refuse(request, response, 400, relativePath);
    return;
  }
  const length = request.headers['content-length'];
  if (length === undefined || !/^[0-9]{1,16}$/.test(length) || request.headers['transfer-encoding'] !== undefined) {
    refuse(request, response, 411, {
      ok: false,
      error: { code: 'invalid-argument', message: 'The file was sent without its length.', hint: 'Send the file as the whole body, with Content-Length.' },
    });
    return;
  }
  const received = await spool.receive(request, relativePath.value, Number(length));
  if (!received.ok) {
    refuse(request, response, statusFor(received.error.code), received);
    return;
  }
  const receipt: SpoolReceipt = { ref: `${SPOOL_REF_PREFIX}${received.value.id}`, size: received.value.size };
  sendResult(response, 201, { ok: true, value: receipt });
}
