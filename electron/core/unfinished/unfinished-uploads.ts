/**
 * Finds the unfinished uploads of a bucket (ListMultipartUploads, every page) and aborts them
 * (AbortMultipartUpload), through presigned URLs like every other request Dropsign makes. Written here,
 * not with an SDK, for the same reason as the transfer engine's HTTP layer: one signer, one proxy and TLS
 * path, and typed errors that never quote a signed URL.
 */
import { DropsignError } from '../../shared/errors.js';
import type { HttpMethod, QueryParam } from '../../shared/signing.js';
import { presign } from '../signing/presign.js';
import { attemptErrorInfo } from '../transfer/attempt-failure.js';
import type { AgentProvider } from '../transfer/http/http-agent.js';
import { answerFailure, isSuccess, sendRequest, type HttpAnswer } from '../transfer/http/send-request.js';
import { parseListPartsPage, parseListUploadsPage } from '../transfer/http/multipart-xml.js';
import { DEFAULT_STALL_MS, MAX_LIST_PARTS_PAGE } from '../transfer/http/oss-object-api.js';
import type { UnfinishedTarget, UnfinishedUpload } from './unfinished-types.js';

/**
 * Most uploads one listing returns. Why 10,000: ten pages, a few seconds; a bucket with more unfinished
 * uploads than that needs a lifecycle rule (which OSS and S3 offer for exactly this), not a client.
 */
export const MAX_LISTED_UPLOADS = 10_000;

/** Why 300 s: each request is signed just before it is sent; the URL only has to outlive one round trip. */
const REQUEST_EXPIRES_SECONDS = 300;

/** What the requests run with. */
export interface UnfinishedOptions {
  readonly agents: AgentProvider;
  /** The local clock (signing and error messages). */
  readonly now: () => number;
  readonly signal?: AbortSignal;
  /** Longest time with no byte moving. Default: the engine's. */
  readonly stallMs?: number;
}

/** What was found. */
export interface UnfinishedListing {
  /** Sorted by key, then upload id, as the server lists them. */
  readonly uploads: readonly UnfinishedUpload[];
  /** False when the listing stopped at {@link MAX_LISTED_UPLOADS} with more on the server. */
  readonly complete: boolean;
}

async function send(
  target: UnfinishedTarget,
  request: { readonly method: HttpMethod; readonly key?: string; readonly query: readonly QueryParam[] },
  options: UnfinishedOptions,
): Promise<HttpAnswer> {
  const signed = presign(
    target.credentials,
    {
      scheme: target.scheme,
      method: request.method,
      endpoint: target.endpoint,
      style: target.style,
      bucket: target.bucket,
      ...(target.region === undefined ? {} : { region: target.region }),
      ...(request.key === undefined ? {} : { key: request.key }),
      query: request.query,
      expiresInSeconds: REQUEST_EXPIRES_SECONDS,
    },
    { now: options.now },
  );
  const outcome = await sendRequest(
    { method: request.method, url: signed.url, headers: signed.signedHeaders, readBody: true },
    { agents: options.agents, stallMs: options.stallMs ?? DEFAULT_STALL_MS, signal: options.signal ?? new AbortController().signal },
  );
  // One-off: nothing here retries, so the advice is to try again, not to wait or send fewer files.
  const context = {
    activity: 'one-off' as const,
    bucket: target.bucket,
    ...(request.key === undefined ? {} : { key: request.key }),
    ...(target.region === undefined ? {} : { region: target.region }),
  };
  if (outcome.kind === 'failed') throw errorOf(attemptErrorInfo(outcome.failure, { ...context, receivedAtMs: options.now() }));
  if (!isSuccess(outcome.answer.status)) throw errorOf(attemptErrorInfo(answerFailure(outcome.answer), { ...context, receivedAtMs: options.now() }));
  return outcome.answer;
}

function errorOf(info: ReturnType<typeof attemptErrorInfo>): DropsignError {
  return new DropsignError(info.code, info.message, info.hint, info.details);
}

/** Lists the bucket's unfinished uploads under `prefix` (all of them for ''), up to `limit`. */
export async function listUnfinishedUploads(
  target: UnfinishedTarget,
  prefix: string,
  options: UnfinishedOptions,
  limit: number = MAX_LISTED_UPLOADS,
): Promise<UnfinishedListing> {
  const uploads: UnfinishedUpload[] = [];
  let keyMarker = '';
  let uploadIdMarker = '';
  for (;;) {
    const query: QueryParam[] = [
      { name: 'uploads' },
      { name: 'encoding-type', value: 'url' },
      { name: 'max-uploads', value: String(Math.min(1000, limit - uploads.length + 1)) },
      ...(prefix === '' ? [] : [{ name: 'prefix', value: prefix }]),
      ...(keyMarker === '' ? [] : [{ name: 'key-marker', value: keyMarker }, { name: 'upload-id-marker', value: uploadIdMarker }]),
    ];
    const answer = await send(target, { method: 'GET', query }, options);
    const page = parseListUploadsPage(answer.body);
    if (page === undefined) {
      throw new DropsignError('server-error', 'The server answered the listing of unfinished uploads with something that is not one.', 'Check that the endpoint is an OSS or S3 service (not a website or a proxy page), then try again.');
    }
    uploads.push(...page.uploads);
    if (uploads.length > limit) return { uploads: uploads.slice(0, limit), complete: false };
    if (!page.isTruncated) return { uploads, complete: true };
    // A marker that does not move forward would page forever.
    if (page.nextKeyMarker === '' || (page.nextKeyMarker === keyMarker && page.nextUploadIdMarker === uploadIdMarker)) {
      throw new DropsignError('server-error', 'The server said its listing of unfinished uploads goes on, without saying where.', 'Try again; if it persists, list a narrower --prefix.');
    }
    keyMarker = page.nextKeyMarker;
    uploadIdMarker = page.nextUploadIdMarker;
  }
}

/** What an unfinished upload holds on the server. */
export interface StoredParts {
  readonly parts: number;
  readonly bytes: number;
}

/**
 * The parts `upload` holds on the server now and their bytes (ListParts, every page): what aborting it
 * would free. An upload that is gone meanwhile (completed, aborted) holds nothing.
 */
export async function storedParts(target: UnfinishedTarget, upload: Pick<UnfinishedUpload, 'key' | 'uploadId'>, options: UnfinishedOptions): Promise<StoredParts> {
  let parts = 0;
  let bytes = 0;
  let marker = 0;
  for (;;) {
    const query: QueryParam[] = [
      { name: 'uploadId', value: upload.uploadId },
      { name: 'max-parts', value: String(MAX_LIST_PARTS_PAGE) },
      ...(marker > 0 ? [{ name: 'part-number-marker', value: String(marker) }] : []),
    ];
    let answer: HttpAnswer;
    try {
      answer = await send(target, { method: 'GET', key: upload.key, query }, options);
    } catch (error) {
      if (error instanceof DropsignError && error.details?.['serverCode'] === 'NoSuchUpload') return { parts: 0, bytes: 0 };
      throw error;
    }
    const page = parseListPartsPage(answer.body);
    if (page === undefined) {
      throw new DropsignError('server-error', 'The server answered a listing of an upload\'s parts with something that is not one.', 'Check that the endpoint is an OSS or S3 service, then try again.');
    }
    for (const part of page.parts) {
      parts++;
      bytes += part.size;
    }
    if (!page.isTruncated) return { parts, bytes };
    const next = page.nextMarker ?? page.parts.at(-1)?.partNumber;
    // A marker that does not move forward would page forever.
    if (next === undefined || next <= marker) {
      throw new DropsignError('server-error', 'The server said its listing of an upload\'s parts goes on, without saying where.', 'Try again later.');
    }
    marker = next;
  }
}

/**
 * Why 4 at a time: one small request per upload (more for one with over a thousand parts), as many at
 * once as the engine sends parts; enough to size hundreds in seconds without hammering the server.
 */
const SIZE_REQUESTS_AT_ONCE = 4;

/** What {@link sizeUploads} learned: each upload with what it holds, or the refusal that stopped it. */
export type Sizing<T> = { readonly kind: 'sized'; readonly uploads: (T & StoredParts)[] } | { readonly kind: 'refused'; readonly error: DropsignError };

/**
 * Each of `uploads` with what it holds ({@link storedParts}), {@link SIZE_REQUESTS_AT_ONCE} at a time,
 * in the order given. The first refusal or failure ends it (no further upload is asked about) and is
 * returned, not thrown: the listing the uploads came from stands without sizes (a policy may allow
 * listing uploads but not their parts). Anything but a DropsignError is a bug, and is thrown.
 */
export async function sizeUploads<T extends Pick<UnfinishedUpload, 'key' | 'uploadId'>>(
  target: UnfinishedTarget,
  uploads: readonly T[],
  options: UnfinishedOptions,
): Promise<Sizing<T>> {
  try {
    return { kind: 'sized', uploads: await withStoredParts(target, uploads, options) };
  } catch (error) {
    if (!(error instanceof DropsignError)) throw error;
    return { kind: 'refused', error };
  }
}

/** {@link sizeUploads}, throwing its first failure. */
async function withStoredParts<T extends Pick<UnfinishedUpload, 'key' | 'uploadId'>>(
  target: UnfinishedTarget,
  uploads: readonly T[],
  options: UnfinishedOptions,
): Promise<(T & StoredParts)[]> {
  const sized: (T & StoredParts)[] = [];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < uploads.length) {
      const index = next++;
      const upload = uploads[index] as T;
      try {
        sized[index] = { ...upload, ...(await storedParts(target, upload, options)) };
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: SIZE_REQUESTS_AT_ONCE }, worker));
  return sized;
}

/** What aborting one upload did. */
export type AbortOutcome = 'aborted' | 'already-gone';

/** Aborts one upload: its parts are deleted. One that no longer exists (completed, aborted) is `already-gone`. */
export async function abortUnfinishedUpload(target: UnfinishedTarget, upload: Pick<UnfinishedUpload, 'key' | 'uploadId'>, options: UnfinishedOptions): Promise<AbortOutcome> {
  try {
    await send(target, { method: 'DELETE', key: upload.key, query: [{ name: 'uploadId', value: upload.uploadId }] }, options);
    return 'aborted';
  } catch (error) {
    if (error instanceof DropsignError && error.details?.['serverCode'] === 'NoSuchUpload') return 'already-gone';
    throw error;
  }
}
