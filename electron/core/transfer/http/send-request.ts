/**
 * One HTTP request to a presigned URL with node:http(s): exactly the signed headers plus an explicit
 * Content-Length, a body streamed with backpressure, abort through an AbortSignal, a stall timeout, and the
 * answer's body read within a bound.
 *
 * Not `fetch`: it cannot stream an upload body with backpressure on Node 20 without `duplex: 'half'`
 * chunked framing, and it adds headers of its own (a Content-Type for some bodies, `accept`, `user-agent`,
 * `sec-fetch-mode`) that the signature did not bind. node:http adds only Host and Connection, neither signed.
 *
 * Never puts the URL in an error: its query holds the signature and, with STS credentials, the token.
 */
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type { HttpMethod } from '../../../shared/signing.js';
import type { AttemptFailure } from '../attempt-failure.js';
import { httpFailureFromResponse } from '../http-failure.js';
import type { AgentProvider } from './http-agent.js';
import { requestTarget } from './request-target.js';

/**
 * Longest error body read. Why 64 KiB: an OSS error body is under 8 KiB even with the canonical request and
 * string to sign of a 1,023-byte key; anything longer is not an OSS error (a proxy's page). Past the cap
 * the connection is dropped rather than drained, so a hostile or broken server cannot make us read forever.
 */
export const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Longest success body read (XML answers). Why 4 MiB: the largest answer we read, a ListParts page of 1,000
 * parts, is about 300 KiB; ten times that is still a bounded, small cost.
 */
export const SUCCESS_BODY_LIMIT = 4 * 1024 * 1024;

/** A body streamed from a source of known length (a file range). */
export interface StreamBody {
  readonly stream: Readable;
  /** Bytes the stream must yield; sent as Content-Length. */
  readonly length: number;
  /** Called with each chunk just before it is written (checksums, progress). Must not keep or change it; a throw rejects. */
  readonly onChunk: (chunk: Buffer) => void;
  /** The error to reject with when the stream fails or ends after `bytesRead` < `length` bytes. */
  readonly sourceError: (cause: unknown, bytesRead: number) => Error;
}

/** One request. */
export interface OutgoingRequest {
  readonly method: HttpMethod;
  /** The presigned URL. */
  readonly url: string;
  /** Exactly the headers the signature binds (`PresignResult.signedHeaders`); Content-Length is added here. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body: bytes in memory (XML) or a stream; none for GET, HEAD and DELETE. */
  readonly body?: Buffer | StreamBody;
  /** Read a 2xx answer's body (XML results); otherwise it is discarded. Error bodies are always read. */
  readonly readBody?: boolean;
}

/** What a request runs with. */
export interface SendContext {
  readonly agents: AgentProvider;
  /** Longest time with no byte moving (connect, upload or answer) before `{ kind: 'timeout' }`. */
  readonly stallMs: number;
  readonly signal: AbortSignal;
}

/** A server's answer. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 (empty when not read). */
  readonly body: string;
  /** True when the body was longer than the limit and was cut. */
  readonly truncated: boolean;
}

/** An answer (any status), or a failure before one arrived. */
export type SendOutcome = { readonly kind: 'answer'; readonly answer: HttpAnswer } | { readonly kind: 'failed'; readonly failure: AttemptFailure };

/** True for 2xx. */
export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The attempt failure for an error answer: status, the `<Error>` fields and the headers that matter. */
export function answerFailure(answer: HttpAnswer): AttemptFailure {
  return { kind: 'http', ...httpFailureFromResponse(answer.status, answer.headers, answer.body === '' ? undefined : answer.body) };
}

/** A network failure from an error's code only (its message may quote the URL). */
export function networkFailure(error: unknown): AttemptFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return { kind: 'network', code: typeof code === 'string' && code !== '' ? code : 'ERR_NETWORK' };
}

/**
 * Sends one request and resolves with the answer or a network / timeout failure. Rejects only with
 * `signal.reason` when aborted, or with the body's `sourceError` when the file cannot be read to the end.
 */
export function sendRequest(request: OutgoingRequest, context: SendContext): Promise<SendOutcome> {
  return new Promise<SendOutcome>((resolve, reject) => {
    const { signal } = context;
    const streamBody = request.body === undefined || Buffer.isBuffer(request.body) ? undefined : request.body;
    if (signal.aborted) {
      streamBody?.stream.destroy();
      reject(signal.reason);
      return;
    }
    const headers: Record<string, string> = { ...request.headers };
    // Explicit, so Node never falls back to chunked framing (which presigned PUTs do not allow).
    if (request.body !== undefined || request.method === 'PUT' || request.method === 'POST') headers['content-length'] = String(request.body?.length ?? 0);

    let settled = false;
    let bodyDone = streamBody === undefined;
    const settle = (outcome: SendOutcome | { readonly kind: 'reject'; readonly error: unknown }): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      // Closes the file at once on every early exit; a no-op once the stream has ended.
      streamBody?.stream.destroy();
      if (outcome.kind === 'reject') reject(outcome.error);
      else resolve(outcome);
    };
    const onAbort = (): void => {
      settle({ kind: 'reject', error: signal.reason });
      req?.destroy();
    };

    let req: ClientRequest | undefined;
    try {
      const target = requestTarget(request.url);
      req = (target.protocol === 'https:' ? httpsRequest : httpRequest)({
        protocol: target.protocol,
        hostname: target.hostname,
        ...(target.port === undefined ? {} : { port: target.port }),
        path: target.path,
        method: request.method,
        headers,
        agent: context.agents.agentFor(target.url),
        // The socket's idle timeout while this request owns it, connecting included: a stall detector.
        timeout: context.stallMs,
        ...(target.protocol === 'https:' ? { rejectUnauthorized: true } : {}),
      });
    } catch (error) {
      streamBody?.stream.destroy();
      reject(error);
      return;
    }
    const sent = req;
    signal.addEventListener('abort', onAbort, { once: true });

    let answered = false;
    sent.on('timeout', () => {
      settle({ kind: 'failed', failure: { kind: 'timeout' } });
      sent.destroy();
    });
    sent.on('error', (error) => {
      // After an error answer began (the server refused the upload and closed), the answer says more than the
      // broken pipe that follows; it settles from the response side.
      if (!answered) settle({ kind: 'failed', failure: networkFailure(error) });
    });
    sent.on('response', (res) => {
      answered = true;
      // An answer before the whole body left (the server refused the upload early): stop reading the file.
      if (!bodyDone) streamBody?.stream.destroy();
      readAnswer(res, request, () => bodyDone, settle, () => sent.destroy());
    });

    if (streamBody === undefined) {
      sent.end(Buffer.isBuffer(request.body) ? request.body : undefined);
      return;
    }
    const { stream } = streamBody;
    let read = 0;
    stream.on('data', (chunk: Buffer) => {
      read += chunk.length;
      try {
        streamBody.onChunk(chunk);
      } catch (error) {
        // A throwing progress callback must not become an uncaught exception in a stream event.
        settle({ kind: 'reject', error });
        sent.destroy();
        return;
      }
      if (!sent.write(chunk)) stream.pause();
    });
    sent.on('drain', () => {
      if (!settled && !answered) stream.resume();
    });
    stream.on('end', () => {
      if (read < streamBody.length) {
        settle({ kind: 'reject', error: streamBody.sourceError(undefined, read) });
        sent.destroy();
        return;
      }
      bodyDone = true;
      sent.end();
    });
    stream.on('error', (error) => {
      settle({ kind: 'reject', error: streamBody.sourceError(error, read) });
      sent.destroy();
    });
  });
}

/** Reads an answer's body within its limit and settles; drops the connection when it cannot be reused. */
function readAnswer(
  res: IncomingMessage,
  request: OutgoingRequest,
  bodyDone: () => boolean,
  settle: (outcome: SendOutcome) => void,
  dropConnection: () => void,
): void {
  const status = res.statusCode ?? 0;
  const success = isSuccess(status);
  const uploadCut = !bodyDone();
  if (uploadCut && success) {
    // A 2xx before the whole body left: the server did not take what we meant to store.
    settle({ kind: 'failed', failure: { kind: 'network', code: 'ERR_EARLY_RESPONSE' } });
    dropConnection();
    res.resume();
    return;
  }
  const wanted = request.method !== 'HEAD' && (!success || request.readBody === true);
  const limit = success ? SUCCESS_BODY_LIMIT : ERROR_BODY_LIMIT;
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const finish = (): void => {
    const body = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
    settle({ kind: 'answer', answer: { status, headers: res.headers, body, truncated } });
    // An unfinished upload (the server refused it early) or a cut body leaves the connection unusable.
    if (uploadCut || truncated) dropConnection();
  };
  res.on('data', (chunk: Buffer) => {
    if (!wanted || truncated) return;
    if (size + chunk.length > limit) {
      chunks.push(chunk.subarray(0, limit - size));
      size = limit;
      truncated = true;
      finish();
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  // An error answer cut short still tells more than the reset; a success cut short is a network failure.
  const cut = (error: unknown): void => {
    if (success) settle({ kind: 'failed', failure: networkFailure(error) });
    else finish();
  };
  res.on('end', finish);
  res.on('error', cut);
  res.on('close', () => {
    if (!res.complete) cut({ code: 'ECONNRESET' });
  });
}
