/**
 * `POST /spool`: the page streams a batch of dropped files (a multipart form: spool-form.ts) into the
 * spool and gets back, for each file, the reference it then enqueues or why the file was refused:
 * `{ ok: true, value: { files: [{ ok: true, value: { ref: "spool:<id>", size } }, { ok: false, error }] } }`
 * (200), or `{ ok: false, error }` with a 4xx/5xx status when the request as a whole is refused.
 * The token and the Origin are checked before this runs (web-host.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import { sendResult } from '../http/respond.js';
import { SPOOL_REF_PREFIX } from '../web-protocol.js';
import { receiveSpoolForm } from './spool-form.js';
import type { SpoolStore } from './spool-store.js';

/** One stored file of a spool request's answer. */
export interface SpoolReceipt {
  /** What to put in `transfers:enqueue`'s `paths`. */
  readonly ref: string;
  readonly size: number;
}

/** What a spool request answers: one outcome per file of its manifest, in order. */
export interface SpoolAnswer {
  readonly files: readonly Result<SpoolReceipt>[];
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

/** Reads and drops what is left of a request's body, up to a bound, then closes the connection. */
function discardBody(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Connection', 'close');
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) request.destroy();
  });
  request.on('error', () => undefined);
  request.resume();
}

/** Handles one spool request (already authorised). */
export async function handleSpoolRequest(request: IncomingMessage, response: ServerResponse, spool: SpoolStore): Promise<void> {
  const length = request.headers['content-length'];
  if (length === undefined || !/^[0-9]{1,16}$/.test(length) || request.headers['transfer-encoding'] !== undefined) {
    discardBody(request, response);
    sendResult(response, 411, {
      ok: false,
      error: { code: 'invalid-argument', message: 'The files were sent without the request\'s length.', hint: 'Send the form as the whole body, with Content-Length.' },
    });
    return;
  }
  const outcome = await receiveSpoolForm(request, spool);
  if (outcome.bodyLeft) discardBody(request, response);
  if (outcome.kind === 'refused') {
    sendResult(response, statusFor(outcome.error.code), { ok: false, error: outcome.error });
    return;
  }
  const files = outcome.files.map((file): Result<SpoolReceipt> => (file.ok ? { ok: true, value: { ref: `${SPOOL_REF_PREFIX}${file.value.id}`, size: file.value.size } } : file));
  const answer: SpoolAnswer = { files };
  sendResult(response, 200, { ok: true, value: answer });
}
