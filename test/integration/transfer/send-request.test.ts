/**
 * One request on the wire, seen by a plain node:http server: exactly the signed headers, an explicit
 * Content-Length, pooled keep-alive sockets, bounded error bodies, and failures as codes without the URL.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentPool } from '../../../electron/core/transfer/http/http-agent.js';
import { ERROR_BODY_LIMIT, answerFailure, sendRequest, type SendContext, type SendOutcome } from '../../../electron/core/transfer/http/send-request.js';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headerNames: string[];
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly remotePort: number;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
let reply: (res: ServerResponse) => void = (res) => res.end();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headerNames: req.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase()).sort(),
        headers: req.headers,
        body: Buffer.concat(chunks),
        remotePort: req.socket.remotePort ?? 0,
      });
      reply(res);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function context(stallMs = 5000): SendContext & { close(): void } {
  const agents = createAgentPool();
  return { agents, stallMs, signal: new AbortController().signal, close: () => agents.destroy() };
}

function status(outcome: SendOutcome): number | string {
  return outcome.kind === 'answer' ? outcome.answer.status : outcome.failure.kind;
}

describe('headers on the wire', () => {
  it('PUT with a streamed body: the signed headers, Content-Length, Host and Connection, nothing else', async () => {
    const ctx = context();
    try {
      seen.length = 0;
      const signed = { 'content-type': 'image/png', 'x-oss-meta-a': 'b' };
      const outcome = await sendRequest(
        {
          method: 'PUT',
          url: `${base}/photos/a%20b.png?x-oss-signature=abc%2F`,
          headers: signed,
          body: { stream: Readable.from([Buffer.from('hello '), Buffer.from('world')]), length: 11, onChunk: () => undefined, sourceError: () => new Error('short') },
        },
        ctx,
      );
      expect(status(outcome)).toBe(200);
      const [request] = seen;
      expect(request?.url).toBe('/photos/a%20b.png?x-oss-signature=abc%2F');
      expect(request?.headerNames).toEqual(['connection', 'content-length', 'content-type', 'host', 'x-oss-meta-a']);
      expect(request?.headers['content-length']).toBe('11');
      expect(request?.headers['content-type']).toBe('image/png');
      expect(request?.body.toString()).toBe('hello world');
    } finally {
      ctx.close();
    }
  });

  it('POST with an XML body and an empty POST carry Content-Length; GET, HEAD and DELETE carry no body headers', async () => {
    const ctx = context();
    try {
      seen.length = 0;
      await sendRequest({ method: 'POST', url: `${base}/b/k?uploadId=1`, headers: { 'content-type': 'application/xml' }, body: Buffer.from('<x/>') }, ctx);
      await sendRequest({ method: 'POST', url: `${base}/b/k?uploads`, headers: {} }, ctx);
      for (const method of ['GET', 'HEAD', 'DELETE'] as const) await sendRequest({ method, url: `${base}/b/k`, headers: {} }, ctx);
      expect(seen.map((s) => [s.method, s.headerNames.join(',')])).toEqual([
        ['POST', 'connection,content-length,content-type,host'],
        ['POST', 'connection,content-length,host'],
        ['GET', 'connection,host'],
        ['HEAD', 'connection,host'],
        ['DELETE', 'connection,host'],
      ]);
      expect(seen[1]?.headers['content-length']).toBe('0');
    } finally {
      ctx.close();
    }
  });

  it('reuses one pooled keep-alive socket for sequential requests', async () => {
    const ctx = context();
    try {
      seen.length = 0;
      for (let i = 0; i < 3; i++) await sendRequest({ method: 'PUT', url: `${base}/b/k${i}`, headers: {}, body: Buffer.from('x') }, ctx);
      expect(new Set(seen.map((s) => s.remotePort)).size).toBe(1);
    } finally {
      ctx.close();
    }
  });
});

describe('answers and failures', () => {
  it('an error answer becomes an HttpFailure with the XML fields, request id and server date', async () => {
    const ctx = context();
    reply = (res) => {
      res.writeHead(403, { 'content-type': 'application/xml', 'x-oss-request-id': 'HDR-ID', 'x-oss-ec': '0002-00000069' });
      res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired.</Message><RequestId>XML-ID</RequestId><HostId>h</HostId><Expires>2026-01-01T00:00:00.000Z</Expires><ServerTime>2026-01-01T02:00:00.000Z</ServerTime></Error>');
    };
    try {
      const outcome = await sendRequest({ method: 'GET', url: `${base}/b/k`, headers: {} }, ctx);
      expect(outcome.kind).toBe('answer');
      if (outcome.kind !== 'answer') return;
      expect(answerFailure(outcome.answer)).toMatchObject({
        kind: 'http',
        status: 403,
        ossCode: 'AccessDenied',
        message: 'Request has expired.',
        requestId: 'XML-ID',
        ec: '0002-00000069',
        serverDate: expect.any(String),
        details: { Expires: '2026-01-01T00:00:00.000Z', ServerTime: '2026-01-01T02:00:00.000Z' },
      });
    } finally {
      reply = (res) => res.end();
      ctx.close();
    }
  });

  it('an error body beyond 64 KiB is cut and its connection dropped', async () => {
    const ctx = context();
    reply = (res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('x'.repeat(ERROR_BODY_LIMIT * 4));
    };
    try {
      const outcome = await sendRequest({ method: 'GET', url: `${base}/b/k`, headers: {} }, ctx);
      expect(outcome.kind === 'answer' && outcome.answer).toMatchObject({ status: 502, truncated: true });
      expect(outcome.kind === 'answer' && outcome.answer.body.length).toBe(ERROR_BODY_LIMIT);
    } finally {
      reply = (res) => res.end();
      ctx.close();
    }
  });

  it('a refused connection is a network failure with its code only', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    const ctx = context();
    try {
      const outcome = await sendRequest({ method: 'GET', url: `http://127.0.0.1:${port}/b/k?x-oss-signature=secret`, headers: {} }, ctx);
      expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'network', code: 'ECONNREFUSED' } });
    } finally {
      ctx.close();
    }
  });
});
