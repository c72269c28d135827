/**
 * The contract between the transfer scheduler (engine) and the HTTP layer: OSS/S3 object operations through
 * presigned URLs, one attempt each. An attempt never throws for a failure the retry policy can judge; it
 * returns `{ ok: false, failure }` instead, and the engine decides (retry, re-sign, adjust the clock, fail).
 *
 * Every operation signs its own request through the `sign` callback just before sending, so a retry after
 * an expired URL or a clock correction is simply another call.
 *
 * What an attempt does throw, because retrying cannot help: a DropsignError about the source file
 * (`file-vanished` when it cannot be opened, `file-unreadable` when it cannot be read, `file-changed` when
 * it ends before the range does: it shrank after it was queued or while it was sent) or from `sign`; and
 * `signal.reason` (an AbortError by default) as soon as the signal aborts, the request being cut so the
 * server stores nothing.
 */
import type { HttpMethod, PresignResult, QueryParam } from '../../shared/signing.js';
import type { AttemptFailure } from './attempt-failure.js';

/** The outcome of one attempt. */
export type AttemptResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: AttemptFailure };

/** What the HTTP layer asks to have signed. The destination (endpoint, bucket, style, scheme) is bound in. */
export interface SignRequest {
  readonly method: HttpMethod;
  readonly key: string;
  readonly query?: readonly QueryParam[];
  /** Headers the request will carry and the signature must bind (lower-case names). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Signs a request for the bound destination with the current credentials and clock offset. May throw a DropsignError. */
export type SignFn = (request: SignRequest) => PresignResult;

/** A byte range of a file on disk: `[start, end)`. */
export interface FileRange {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** Per-attempt controls. */
export interface AttemptOptions {
  readonly signal: AbortSignal;
  /** Called as bytes leave, with the bytes of this attempt sent so far (restarts from 0 on a new attempt). */
  readonly onProgress?: (sentBytes: number) => void;
}

/** A stored object or part, as verified against what was read from disk. */
export interface UploadedPiece {
  /** ETag as the server sent it, without quotes. */
  readonly etag: string;
  /** CRC-64/ECMA-182 of the bytes read from disk (decimal string, as in `x-oss-hash-crc64ecma`). */
  readonly crc64: string;
  readonly size: number;
}

/** A part already on the server, as ListParts reports it. */
export interface ListedPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
}

/** What HeadObject says about a key. */
export type HeadResult = { readonly exists: false } | { readonly exists: true; readonly size: number; readonly etag: string };

/** OSS/S3 object operations through presigned URLs. */
export interface ObjectApi {
  /** PutObject of a whole file range, streamed from disk; verifies the server's CRC-64 (OSS) or MD5 ETag (S3). */
  putObject(
    sign: SignFn,
    key: string,
    range: FileRange,
    headers: Readonly<Record<string, string>>,
    options: AttemptOptions,
  ): Promise<AttemptResult<UploadedPiece>>;
  /** HeadObject: whether the key holds an object (for the skip, rename and fail policies). */
  headObject(sign: SignFn, key: string, options: AttemptOptions): Promise<AttemptResult<HeadResult>>;
  /** InitiateMultipartUpload with the object's headers (Content-Type, forbid-overwrite, metadata). */
  initiateMultipart(
    sign: SignFn,
    key: string,
    headers: Readonly<Record<string, string>>,
    options: AttemptOptions,
  ): Promise<AttemptResult<{ readonly uploadId: string }>>;
  /** UploadPart of one file range; verifies the part like putObject. */
  uploadPart(
    sign: SignFn,
    key: string,
    uploadId: string,
    partNumber: number,
    range: FileRange,
    options: AttemptOptions,
  ): Promise<AttemptResult<UploadedPiece>>;
  /**
   * CompleteMultipartUpload; `expectedCrc64` (the parts' CRCs combined) is checked against the server's
   * `x-oss-hash-crc64ecma` when it sends one.
   */
  completeMultipart(
    sign: SignFn,
    key: string,
    uploadId: string,
    parts: readonly { readonly partNumber: number; readonly etag: string }[],
    expectedCrc64: string,
    headers: Readonly<Record<string, string>>,
    options: AttemptOptions,
  ): Promise<AttemptResult<{ readonly etag: string; readonly crc64?: string }>>;
  /** AbortMultipartUpload (a canceled upload leaves no parts behind). A missing upload counts as aborted. */
  abortMultipart(sign: SignFn, key: string, uploadId: string, options: AttemptOptions): Promise<AttemptResult<void>>;
  /** ListParts, every page, to resume an upload without sending finished parts again. */
  listParts(sign: SignFn, key: string, uploadId: string, options: AttemptOptions): Promise<AttemptResult<readonly ListedPart[]>>;
  /** Releases pooled connections. */
  close(): void;
}
