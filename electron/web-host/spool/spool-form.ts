/**
 * Reads one spool request's multipart form (busboy, streaming, bounded): first the manifest field
 * (spool-manifest.ts), then one file part per manifest entry, in order, each named `file` with its index
 * as the file name. Each part goes to the batch writer as it arrives, so no file is held whole unless it
 * is small.
 *
 * The answer is one of:
 * - every file's outcome (each stored, or refused with why), once the whole form is read;
 * - the same at once, without reading the files, when every file was refused from the manifest alone;
 * - a refusal of the whole request (a malformed form, too many files or requests at once, a full disk,
 *   a request cut off): then nothing of it stays in the spool.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import { SPOOL_FILE_FIELD, SPOOL_MANIFEST_FIELD } from '../web-protocol.js';
import type { BatchWriter, FileOutcome } from './spool-batch-writer.js';
import { parseManifest } from './spool-manifest.js';
import type { SpoolStore } from './spool-store.js';

/** How a spool request ended. `bodyLeft`: the request's body was not read to its end (the caller drops the rest). */
export type FormOutcome =
  | { readonly kind: 'answered'; readonly files: readonly FileOutcome[]; readonly bodyLeft: boolean }
  | { readonly kind: 'refused'; readonly error: ErrorInfo; readonly bodyLeft: boolean };

function malformed(message: string): ErrorInfo {
  return {
    code: 'invalid-argument',
    message: `The spool request ${message}.`,
    hint: 'This is a bug in the page talking to Dropsign; reload it and drop the files again.',
  };
}

/** The request was cut off (the page went away or the connection broke). */
const CUT_OFF: ErrorInfo = {
  code: 'file-unreadable',
  message: 'The files did not arrive whole: the request was cut off.',
  hint: 'Drop them again.',
};

/**
 * Why 16: a form part has two or three headers (Content-Disposition, Content-Type); busboy's default
 * (2,000 header pairs) is meant for whole HTTP requests.
 */
const MAX_PART_HEADER_PAIRS = 16;

/** Reads `request`'s form into `spool`. Never rejects. */
export function receiveSpoolForm(request: IncomingMessage, spool: SpoolStore): Promise<FormOutcome> {
  return new Promise((resolve) => {
    const { maxBatchFiles, maxManifestBytes, maxFileBytes } = spool.limits;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: {
          fields: 1,
          fieldSize: maxManifestBytes,
          // Parts past these two bounds are skipped and reported (filesLimit, fieldsLimit); busboy's own
          // `parts` bound is reported on reaching it, not on passing it, so it is not used.
          files: maxBatchFiles,
          // One byte past the largest file, so a part that runs past it is seen as too long, not cut.
          fileSize: maxFileBytes + 1,
          headerPairs: MAX_PART_HEADER_PAIRS,
        },
      });
    } catch {
      resolve({ kind: 'refused', error: malformed('is not a multipart form (Content-Type: multipart/form-data with a boundary)'), bodyLeft: true });
      return;
    }
    let opening: Promise<Result<BatchWriter>> | undefined;
    let expected = 0;
    let next = 0;
    const parts: Promise<void>[] = [];
    let over = false;

    const end = (outcome: FormOutcome): void => {
      over = true;
      request.unpipe(parser);
      parser.destroy();
      resolve(outcome);
    };
    /** Refuses the whole request, after deleting whatever it wrote. */
    const refuse = (error: ErrorInfo, bodyLeft: boolean): void => {
      if (over) return;
      over = true;
      request.unpipe(parser);
      // Destroying the parser fails the part being read, so its write ends too.
      parser.destroy();
      void (async () => {
        const opened = await opening;
        if (opened?.ok === true) await opened.value.abort();
        resolve({ kind: 'refused', error, bodyLeft });
      })();
    };

    parser.on('field', (name, value, info) => {
      if (opening !== undefined || name !== SPOOL_MANIFEST_FIELD) return refuse(malformed(`has an unexpected field (only "${SPOOL_MANIFEST_FIELD}", first)`), true);
      if (info.valueTruncated) return refuse(malformed(`has a manifest longer than ${maxManifestBytes} bytes`), true);
      const manifest = parseManifest(value, maxBatchFiles);
      if (!manifest.ok) return refuse(manifest.error, true);
      expected = manifest.value.length;
      opening = spool.openBatch(manifest.value);
      void opening.then((opened) => {
        // A request refused meanwhile is cleaned up by refuse().
        if (over) return;
        if (!opened.ok) {
          refuse(opened.error, true);
        } else if (opened.value.acceptedCount === 0) {
          // Nothing will be kept: answer now instead of reading what may be a huge file.
          void opened.value.commit().then((files) => end({ kind: 'answered', files, bodyLeft: true }));
        }
      });
    });

    parser.on('file', (name, stream, info) => {
      stream.on('error', () => undefined);
      const index = next++;
      if (opening === undefined || over || name !== SPOOL_FILE_FIELD || info.filename !== String(index) || index >= expected) {
        stream.resume();
        return refuse(malformed(`has a file part out of place (each file after the manifest, named "${SPOOL_FILE_FIELD}" with its index)`), true);
      }
      parts.push(opening.then((opened) => (opened.ok && !over ? opened.value.receive(index, stream) : void stream.resume())));
    });

    for (const limit of ['filesLimit', 'fieldsLimit'] as const) {
      parser.on(limit, () => refuse(malformed(`has more parts than its manifest, or more than ${maxBatchFiles} files`), true));
    }
    // The parser fails on what it reads (a request cut off is seen by the request's own events, below).
    parser.on('error', () => refuse(malformed('is not a well-formed multipart form'), !request.complete));
    parser.on('close', () => {
      if (over) return;
      if (opening === undefined) return refuse(malformed('has no manifest'), false);
      if (next !== expected) return refuse(malformed(`ended after ${next} of the ${expected} files its manifest lists`), false);
      void (async () => {
        const opened = await opening;
        await Promise.all(parts);
        if (over || opened?.ok !== true) return;
        over = true;
        resolve({ kind: 'answered', files: await opened.value.commit(), bodyLeft: false });
      })();
    });

    request.on('error', () => refuse(CUT_OFF, false));
    request.on('close', () => {
      if (!request.complete) refuse(CUT_OFF, false);
    });
    request.pipe(parser);
  });
}
