/**
 * One small GET through node:http(s) with a given agent (direct or proxy), a timeout on the whole
 * exchange and a bounded body: what a diagnostic request (the profile probe) needs. Resolves with the
 * answer, or with how the connection failed (an error code only: an error's message may quote the URL,
 * whose query holds a signature). Never rejects.
 */
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What came back. */
export type GetOutcome =
  | {
      readonly kind: 'answer';
      readonly status: number;
      readonly headers: IncomingHttpHeaders;
      /** The body as UTF-8, cut at `maxBodyBytes`. */
      readonly body: string;
    }
  /** The connection failed; `code` is Node's (`ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`, ...). */
  | { readonly kind: 'failed'; readonly code: string }
  | { readonly kind: 'timeout' };

/** Options of {@link httpGet}. */
export interface HttpGetOptions {
  readonly agent: Agent;
  /** Longest time for the whole exchange. */
  readonly timeoutMs: number;
  /**
   * Longest body kept. Default 64 KiB. Why: an OSS error body (even with a canonical request) is under
   * 8 KiB; anything longer is not one, and the rest is dropped unread.
   */
  readonly maxBodyBytes?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

const DEFAULT_MAX_BODY = 64 * 1024;

/** See the module comment. */
export function httpGet(url: string, options: HttpGetOptions): Promise<GetOutcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    let settled = false;
    const finish = (outcome: GetOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(target, { method: 'GET', agent: options.agent, headers: { ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size >= limit) return;
        chunks.push(chunk.subarray(0, limit - size));
        size += Math.min(chunk.length, limit - size);
        if (size >= limit) res.destroy();
      });
      const done = (): void =>
        finish({ kind: 'answer', status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({ kind: 'failed', code: typeof error.code === 'string' && error.code !== '' ? error.code : 'ERR_NETWORK' });
    });
    req.end();
  });
}
