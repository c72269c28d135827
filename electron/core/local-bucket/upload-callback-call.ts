/**
 * Calling an upload callback back, as OSS does after a PutObject that carried one: POST the body to each
 * callback URL in turn until one answers 200 with a JSON body, within 5 seconds, and hand that answer to
 * the uploader. Anything else is a failed callback: the object stays stored (as on OSS) and the uploader
 * gets OSS's `CallbackFailed` (HTTP 203) with the reason.
 *
 * Unlike OSS, the local bucket does not sign its callback requests (no `authorization` /
 * `x-oss-pub-key-url` headers): a callback server that checks OSS's signature must skip that check here.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { UploadCallback } from './upload-callback-config.js';

/** Why 5 s: OSS gives a callback server five seconds to answer, then fails the callback. */
export const CALLBACK_TIMEOUT_MS = 5000;

/** Why 3 MiB: the largest callback answer OSS relays to the uploader. */
const MAX_ANSWER_BYTES = 3 * 1024 * 1024;

/** What the callback came to. */
export type CallbackOutcome =
  | { readonly kind: 'answered'; readonly body: Buffer; readonly contentType: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** The answer of one POST, or why there was none. */
type Attempt = { readonly status: number; readonly body: Buffer; readonly contentType: string } | { readonly error: string };

function post(url: URL, body: string, callback: Pick<UploadCallback, 'bodyType' | 'host'>, timeoutMs: number): Promise<Attempt> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = Buffer.from(body, 'utf8');
    const req = send(url, {
      method: 'POST',
      agent: false,
      headers: {
        host: callback.host ?? url.host,
        'content-type': callback.bodyType,
        'content-length': String(payload.length),
        'user-agent': 'DropsignLocalBucket',
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ error: 'Cost too long time.' });
    }, timeoutMs);
    const finish = (attempt: Attempt): void => {
      clearTimeout(timer);
      resolve(attempt);
    };
    req.on('error', (error: NodeJS.ErrnoException) => finish({ error: `Error connecting to the callback server (${error.code ?? error.message}).` }));
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          req.destroy();
          finish({ error: 'User server return too long content-length value.' });
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', () => finish({ error: 'The callback server closed the connection mid-answer.' }));
      res.on('end', () => finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), contentType: res.headers['content-type'] ?? 'application/json' }));
    });
    req.end(payload);
  });
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Calls `callback` with `body` (variables already filled in). Never throws. */
export async function callUploadCallback(callback: UploadCallback, body: string, timeoutMs: number = CALLBACK_TIMEOUT_MS): Promise<CallbackOutcome> {
  let reason = 'No callback URL answered.';
  for (const url of callback.urls) {
    const attempt = await post(url, body, callback, timeoutMs);
    if ('error' in attempt) {
      reason = attempt.error;
    } else if (attempt.status !== 200) {
      reason = `Error status : ${attempt.status}.`;
    } else if (!isJson(attempt.body)) {
      reason = 'Response body is not valid json format.';
    } else {
      return { kind: 'answered', body: attempt.body, contentType: attempt.contentType };
    }
  }
  return { kind: 'failed', reason };
}
