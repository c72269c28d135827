/**
 * The ObjectApi over HTTP: OSS and S3-compatible object operations through presigned URLs, with upload
 * bodies streamed from disk over pooled keep-alive connections and checked as they go (see
 * verify-upload.ts for the integrity rules).
 *
 * Every request is signed through the caller's `sign` with exactly the headers it then sends: the signed
 * headers as the signer returned them, plus Content-Length (and Host and Connection, which Node adds and
 * no scheme signs here). Nothing else, so a strict verifier sees what was signed.
 */
import type { ReadStream } from 'node:fs';
import type { QueryParam } from '../../../shared/signing.js';
import type { AttemptFailure } from '../attempt-failure.js';
import { httpFailureFromResponse, parseErrorXml } from '../http-failure.js';
import type { AttemptOptions, AttemptResult, FileRange, ListedPart, ObjectApi, SignFn, SignRequest, UploadedPiece } from '../object-api.js';
import { BodyDigest } from './body-digest.js';
import { fileError, fileShrankError, openRangeSource, READ_CHUNK_BYTES, readRangeWhole } from './file-range-source.js';
import { createAgentPool, type AgentProvider } from './http-agent.js';
import { buildCompleteXml, parseCompleteResult, parseInitiateResult, parseListPartsPage, unquoteEtag } from './multipart-xml.js';
import { answerFailure, isSuccess, sendRequest, type HttpAnswer, type OutgoingRequest, type StreamBody } from './send-request.js';
import { CRC64_HEADER, headerValue, verifyCompleted, verifyUpload, type StoreProvider, type UnverifiedReason } from './verify-upload.js';

/** Time limits. Every field has a default. */
export interface HttpTimeouts {
  /**
   * Longest time with no byte moving on a request's connection (connecting, sending, or waiting for and
   * reading the answer) before the attempt fails with `{ kind: 'timeout' }`. Why 60 s: longer than a store
   * takes to answer even CompleteMultipartUpload of thousands of parts, and than a congested uplink is
   * ever fully still; short enough that a dead connection is noticed within a minute, where TCP alone can
   * wait a quarter of an hour.
   */
  readonly stallMs?: number;
  /** Idle timeout of pooled sockets, for the pool created when `agents` is not given (see http-agent.ts). */
  readonly idleSocketMs?: number;
}

/** Default of {@link HttpTimeouts.stallMs}. */
export const DEFAULT_STALL_MS = 60_000;

/**
 * Most parts per ListParts page. Why 1000: the most OSS and S3 return per page; fewer pages, fewer
 * round trips when resuming a large upload.
 */
export const MAX_LIST_PARTS_PAGE = 1000;

/** Highest part number OSS and S3 allow; a ListParts marker beyond it means a broken answer. */
const MAX_PART_NUMBER = 10_000;

/** An upload accepted without a checksum to compare it with (see verify-upload.ts, rule 3). */
export interface UnverifiedUpload {
  readonly operation: 'putObject' | 'uploadPart' | 'completeMultipart';
  readonly key: string;
  readonly partNumber?: number;
  readonly reason: UnverifiedReason;
}

/** Options of {@link createHttpObjectApi}. */
export interface HttpObjectApiOptions {
  /** `oss` answers carry `x-oss-hash-crc64ecma`; `s3` stores are checked by their MD5 ETag (and CRC when sent). */
  readonly provider: StoreProvider;
  /**
   * The connection pools: the seam for proxies and custom CAs. Default: a pool of its own
   * ({@link createAgentPool}), destroyed by `close()`. A given pool is left open by `close()`.
   */
  readonly agents?: AgentProvider;
  readonly timeouts?: HttpTimeouts;
  /** Parts per ListParts page, 1..1000 (default 1000). Tests use a small one to exercise paging. */
  readonly listPartsPageSize?: number;
  /** Told about each upload accepted unverified, to record or log. Default: nothing. */
  readonly onUnverified?: (upload: UnverifiedUpload) => void;
  /** Read chunk size for upload bodies (default {@link READ_CHUNK_BYTES}); for benchmarks. */
  readonly readChunkBytes?: number;
  /**
   * Reads a body of at most one chunk whole, with the errors of {@link readRangeWhole} (the default). The
   * CLI passes its sync-while-fast reader (core/transfer/sync-while-fast.ts).
   */
  readonly readWhole?: (range: FileRange) => Promise<Buffer>;
}

type Result<T> = AttemptResult<T>;

/** One signed request's answer (any status) or its network / timeout failure. */
type CallResult = { readonly answer: HttpAnswer } | { readonly failure: AttemptFailure };

function failed<T>(failure: AttemptFailure): Result<T> {
  return { ok: false, failure };
}

/** An HTTP failure for a 2xx answer we cannot use (no UploadId, no ETag, unparsable XML), with its request id. */
function malformedAnswer(answer: HttpAnswer, message: string): AttemptFailure {
  return { kind: 'http', ...httpFailureFromResponse(answer.status, answer.headers), message };
}

function checkedPageSize(value: number | undefined): number {
  if (value === undefined) return MAX_LIST_PARTS_PAGE;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIST_PARTS_PAGE) {
    throw new RangeError(`listPartsPageSize must be an integer from 1 to ${MAX_LIST_PARTS_PAGE}.`);
  }
  return value;
}

/** Creates the HTTP ObjectApi for one store dialect. */
export function createHttpObjectApi(options: HttpObjectApiOptions): ObjectApi {
  const { provider } = options;
  const ownsAgents = options.agents === undefined;
  const idleSocketMs = options.timeouts?.idleSocketMs;
  const agents = options.agents ?? createAgentPool(idleSocketMs === undefined ? {} : { idleSocketMs });
  const stallMs = options.timeouts?.stallMs ?? DEFAULT_STALL_MS;
  const pageSize = checkedPageSize(options.listPartsPageSize);
  const chunkBytes = options.readChunkBytes ?? READ_CHUNK_BYTES;
  const noteUnverified = options.onUnverified ?? ((): void => undefined);
  const readWhole = options.readWhole ?? readRangeWhole;

  /** Signs `signRequest`, sends it with exactly the signed headers, and returns the answer or a failure. */
  async function call(
    sign: SignFn,
    signRequest: SignRequest,
    signal: AbortSignal,
    extra: Pick<OutgoingRequest, 'body' | 'readBody'> = {},
  ): Promise<CallResult> {
    signal.throwIfAborted();
    const presigned = sign(signRequest);
    const outcome = await sendRequest(
      { method: signRequest.method, url: presigned.url, headers: presigned.signedHeaders, ...extra },
      { agents, stallMs, signal },
    );
    return outcome.kind === 'failed' ? { failure: outcome.failure } : { answer: outcome.answer };
  }

  /** PutObject and UploadPart: streams `range`, then checks the answer against the bytes sent. */
  async function upload(
    sign: SignFn,
    signRequest: SignRequest,
    range: FileRange,
    attempt: AttemptOptions,
    note: Omit<UnverifiedUpload, 'reason'>,
  ): Promise<Result<UploadedPiece>> {
    attempt.signal.throwIfAborted();
    const digest = new BodyDigest(provider === 's3');
    const { onProgress } = attempt;
    let body: Buffer | StreamBody;
    let stream: ReadStream | undefined;
    if (range.end - range.start <= chunkBytes) {
      // No longer than one read chunk: read whole, with one read, and sent from memory with the request
      // head; this skips the stream's machinery (see readRangeWhole). Progress is reported once it has gone.
      body = await readWhole(range);
      digest.update(body);
    } else {
      const source = await openRangeSource(range, chunkBytes);
      const opened = source.stream;
      stream = opened;
      body = opened === undefined ? Buffer.alloc(0) : {
        stream: opened,
        length: source.length,
        onChunk:
          onProgress === undefined
            ? (chunk) => digest.update(chunk)
            : (chunk) => {
                digest.update(chunk);
                onProgress(digest.bytes);
              },
        sourceError: (cause, bytesRead) =>
          cause === undefined ? fileShrankError(range.path, range, range.start + bytesRead) : fileError(range.path, cause),
      };
    }
    let result: CallResult;
    try {
      result = await call(sign, signRequest, attempt.signal, { body });
    } catch (error) {
      // `sign` threw (or the signal aborted) before the stream was handed over: close the file.
      stream?.destroy();
      throw error;
    }
    if ('failure' in result) return failed(result.failure);
    if (stream === undefined && body.length > 0) onProgress?.(body.length);
    const { answer } = result;
    if (!isSuccess(answer.status)) return failed(answerFailure(answer));
    const crc64 = digest.crc64();
    const verdict = verifyUpload(provider, answer.headers, { crc64, md5Hex: digest.md5Hex() });
    if (verdict.kind === 'mismatch') return failed(verdict.failure);
    const rawEtag = headerValue(answer.headers, 'etag');
    if (rawEtag === undefined && note.operation === 'uploadPart') {
      // CompleteMultipartUpload names every part by its ETag: a part without one cannot be used.
      return failed(malformedAnswer(answer, 'The answer to UploadPart carried no ETag.'));
    }
    if (verdict.kind === 'unverified') noteUnverified({ ...note, reason: verdict.reason });
    return { ok: true, value: { etag: rawEtag === undefined ? '' : unquoteEtag(rawEtag), crc64, size: range.end - range.start } };
  }

  async function listParts(sign: SignFn, key: string, uploadId: string, attempt: AttemptOptions): Promise<Result<readonly ListedPart[]>> {
    const parts: ListedPart[] = [];
    let marker = 0;
    for (;;) {
      const query: QueryParam[] = [
        { name: 'uploadId', value: uploadId },
        { name: 'max-parts', value: String(pageSize) },
        ...(marker > 0 ? [{ name: 'part-number-marker', value: String(marker) }] : []),
      ];
      // Signed per page: a long listing must not outlive one URL, and each page has its own query.
      const result = await call(sign, { method: 'GET', key, query }, attempt.signal, { readBody: true });
      if ('failure' in result) return failed(result.failure);
      const { answer } = result;
      if (!isSuccess(answer.status)) return failed(answerFailure(answer));
      const page = parseListPartsPage(answer.body);
      if (page === undefined) return failed(malformedAnswer(answer, 'The answer to ListParts was not a ListPartsResult.'));
      parts.push(...page.parts);
      if (!page.isTruncated) return { ok: true, value: parts };
      const next = page.nextMarker ?? page.parts.at(-1)?.partNumber;
      // A marker that does not move forward (or runs past the last possible part) would page forever.
      if (next === undefined || next <= marker || next > MAX_PART_NUMBER) {
        return failed(malformedAnswer(answer, 'The answer to ListParts was truncated without a usable next part number marker.'));
      }
      marker = next;
    }
  }

  return {
    putObject: (sign, key, range, headers, attempt) =>
      upload(sign, { method: 'PUT', key, headers }, range, attempt, { operation: 'putObject', key }),

    uploadPart: (sign, key, uploadId, partNumber, range, attempt) =>
      upload(
        sign,
        { method: 'PUT', key, query: [{ name: 'partNumber', value: String(partNumber) }, { name: 'uploadId', value: uploadId }] },
        range,
        attempt,
        { operation: 'uploadPart', key, partNumber },
      ),

    async headObject(sign, key, attempt) {
      const result = await call(sign, { method: 'HEAD', key }, attempt.signal);
      if ('failure' in result) return failed(result.failure);
      const { answer } = result;
      // A HEAD answer has no body to tell NoSuchKey from NoSuchBucket; a missing bucket shows on the upload.
      if (answer.status === 404) return { ok: true, value: { exists: false } };
      if (!isSuccess(answer.status)) return failed(answerFailure(answer));
      const size = Number(headerValue(answer.headers, 'content-length') ?? 'NaN');
      if (!Number.isSafeInteger(size) || size < 0) return failed(malformedAnswer(answer, 'The answer to HeadObject carried no Content-Length.'));
      const etag = headerValue(answer.headers, 'etag');
      return { ok: true, value: { exists: true, size, etag: etag === undefined ? '' : unquoteEtag(etag) } };
    },

    async initiateMultipart(sign, key, headers, attempt) {
      const result = await call(sign, { method: 'POST', key, query: [{ name: 'uploads' }], headers }, attempt.signal, { readBody: true });
      if ('failure' in result) return failed(result.failure);
      const { answer } = result;
      if (!isSuccess(answer.status)) return failed(answerFailure(answer));
      const uploadId = parseInitiateResult(answer.body);
      if (uploadId === undefined) return failed(malformedAnswer(answer, 'The answer to InitiateMultipartUpload carried no UploadId.'));
      return { ok: true, value: { uploadId } };
    },

    async completeMultipart(sign, key, uploadId, parts, expectedCrc64, headers, attempt) {
      // The body is XML: its Content-Type replaces any the caller gave (that one belongs to the object, set at initiate).
      const signedHeaders: Record<string, string> = { 'content-type': 'application/xml' };
      for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() !== 'content-type') signedHeaders[name] = value;
      const body = Buffer.from(buildCompleteXml(parts), 'utf8');
      const query = [{ name: 'uploadId', value: uploadId }];
      const result = await call(sign, { method: 'POST', key, query, headers: signedHeaders }, attempt.signal, { body, readBody: true });
      if ('failure' in result) return failed(result.failure);
      const { answer } = result;
      // S3 may report a failed completion as 200 with an <Error> body (it answers before assembling).
      if (!isSuccess(answer.status) || parseErrorXml(answer.body) !== undefined) return failed(answerFailure(answer));
      const etag = parseCompleteResult(answer.body)?.etag ?? headerValue(answer.headers, 'etag');
      if (etag === undefined) return failed(malformedAnswer(answer, 'The answer to CompleteMultipartUpload carried no ETag.'));
      const verdict = verifyCompleted(answer.headers, expectedCrc64);
      if (verdict.kind === 'mismatch') return failed(verdict.failure);
      if (verdict.kind === 'unverified') noteUnverified({ operation: 'completeMultipart', key, reason: verdict.reason });
      const crc64 = headerValue(answer.headers, CRC64_HEADER);
      return { ok: true, value: { etag: unquoteEtag(etag), ...(crc64 === undefined ? {} : { crc64 }) } };
    },

    async abortMultipart(sign, key, uploadId, attempt) {
      const result = await call(sign, { method: 'DELETE', key, query: [{ name: 'uploadId', value: uploadId }] }, attempt.signal);
      if ('failure' in result) return failed(result.failure);
      const { answer } = result;
      if (isSuccess(answer.status)) return { ok: true, value: undefined };
      const failure = answerFailure(answer);
      // Already gone (aborted, completed, or expired by a lifecycle rule): the goal is reached.
      if (failure.kind === 'http' && failure.status === 404 && failure.ossCode === 'NoSuchUpload') return { ok: true, value: undefined };
      return failed(failure);
    },

    listParts,

    close() {
      if (ownsAgents) agents.destroy();
    },
  };
}
