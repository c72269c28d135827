/**
 * Test harness for the local bucket: a real server on 127.0.0.1 over a temp data directory, and raw HTTP
 * clients that send paths and headers exactly as given (no normalisation, no encoding).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allowAllRequests, startLocalBucket } from '../../../electron/core/local-bucket/index.js';
import type { LocalBucketHandle, LocalBucketOptions } from '../../../electron/core/local-bucket/index.js';

/** The access key every harness server knows. */
export const ACCESS_KEY_ID = 'LTAI5tLocalTestKeyId';
export const ACCESS_KEY_SECRET = 'local-test-secret';

/** A running server and its data directory (inside `root`, so tests can watch what is around it). */
export interface Harness {
  readonly root: string;
  readonly dataDir: string;
  readonly handle: LocalBucketHandle;
  readonly port: number;
  readonly endpoint: string;
  /** Closes the server and removes the temp directories. */
  close(): Promise<void>;
}

/** Starts a server with bucket `photos` (and whatever `overrides` say) over a fresh temp directory. */
export async function startHarness(overrides: Partial<LocalBucketOptions> = {}): Promise<Harness> {
  const root = await mkdtemp(path.join(tmpdir(), 'dropsign-lb-'));
  const dataDir = path.join(root, 'data');
  let handle: LocalBucketHandle;
  try {
    handle = await startLocalBucket({
      dataDir,
      buckets: ['photos'],
      accessKeys: new Map([[ACCESS_KEY_ID, ACCESS_KEY_SECRET]]),
      authenticate: allowAllRequests,
      ...overrides,
    });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    dataDir,
    handle,
    port: handle.port,
    endpoint: handle.endpoint,
    close: async () => {
      await handle.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A response with its whole body. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

/** One request through node:http with `path` sent verbatim. */
export function send(
  port: number,
  method: string,
  requestPath: string,
  options: { headers?: Record<string, string | number>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path: requestPath, headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Writes `head` (and `body`) on a raw socket and returns everything the server sends until it closes. */
export function sendRaw(port: number, head: string, body: Buffer = Buffer.alloc(0), endAfterMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), endAfterMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(head);
    if (body.length > 0) socket.write(body);
  });
}

/** Encodes a key for a URL path the way SDKs do: every byte but unreserved characters and `/` as %XX. */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Every file under `dir`, as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The `<Code>` of an OSS error body. */
export function errorCode(text: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
}

/** Polls `check` until it holds or `timeoutMs` passes. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
