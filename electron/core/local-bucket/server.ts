/**
 * The local bucket: an OSS-compatible HTTP server on loopback, storing objects under a data directory.
 *
 * Every request goes: request id and Date → CORS → latency → preflight (answered here) → fail fault →
 * target parsed and routed → `authenticate` → the operation. Nothing is read from the body before
 * `authenticate` has allowed the request.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DropsignError } from '../../shared/errors.js';
import { actualRequestHeaders, parseRequestedHeaders, preflightHeaders } from './cors.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { sendErrorResponse, sendRawError } from './error-response.js';
import { FaultInjector } from './faults.js';
import { KeyedLock } from './keyed-lock.js';
import { MultipartStore } from './multipart-store.js';
import { detectDialect } from './object-headers.js';
import { ObjectStore } from './object-store.js';
import { OssError, ossError, toOssErrorResponse } from './oss-errors.js';
import { ConnectionResetFault, RequestContext, type ServerServices } from './request-context.js';
import { parseRequestTarget } from './request-target.js';
import { route } from './router.js';
import { StorageLayout } from './storage-layout.js';
import type { IncomingRequestInfo, LocalBucketHandle, LocalBucketOptions } from './types.js';

/**
 * Largest request head (request line + headers). Why 32 KiB: room for OSS's 8 KB of user metadata plus a
 * long presigned URL with an STS token (2–4 KB), twice over; beyond it clients get 431.
 */
const MAX_HEADER_BYTES = 32 * 1024;

/**
 * A connection silent this long is dropped, freeing a stalled upload's handler and temp file (requestTimeout
 * is off, see below). Why 60 s: S3 gives up on a silent body after about 20 s; a minute leaves room for a
 * paused debugger or a slow disk on the client.
 */
const IDLE_SOCKET_MS = 60_000;

/**
 * How long `close()` lets in-flight requests finish before cutting their connections. Why 2 s: enough for
 * any request already past its body on loopback; a stalled upload is not worth waiting for on shutdown.
 */
const CLOSE_GRACE_MS = 2000;

/** Starts a local bucket and resolves once it is listening. */
export async function startLocalBucket(options: LocalBucketOptions): Promise<LocalBucketHandle> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && options.allowNonLoopback !== true) {
    throw new DropsignError(
      'invalid-argument',
      `Refusing to serve the local bucket on ${host}, which is not a loopback address.`,
      'Use 127.0.0.1 (the default), or allow other machines explicitly with --allow-non-loopback.',
    );
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new DropsignError('invalid-argument', `Port ${port} is not a TCP port.`, 'Use 0..65535; 0 picks a free port.');
  }
  let faults: FaultInjector;
  try {
    faults = new FaultInjector(options.faults ?? {}, options.random ?? Math.random);
  } catch (error) {
    throw new DropsignError('invalid-argument', (error as Error).message, 'Fix the fault options.');
  }
  const clock = options.clock ?? { now: () => Date.now() };
  const serverNow = (): number => clock.now() + faults.clockOffsetMs;
  const log = options.log ?? ((): void => undefined);
  const region = options.region ?? 'cn-hangzhou';

  const layout = new StorageLayout(options.dataDir);
  const objects = new ObjectStore(layout, log);
  const lock = await lockDataDir(layout.root).catch((error: unknown) => {
    if (error instanceof DropsignError) throw error;
    throw new DropsignError('local-bucket-failed', `Cannot use the data directory ${layout.root}: ${(error as Error).message}`, 'Check that the directory is writable.');
  });
  try {
    return await serve({ options, host, port, faults, serverNow, log, region, layout, objects, lock });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** What `serve` needs, checked and prepared by `startLocalBucket`. */
interface Prepared {
  readonly options: LocalBucketOptions;
  readonly host: string;
  readonly port: number;
  readonly faults: FaultInjector;
  readonly serverNow: () => number;
  readonly log: (line: string) => void;
  readonly region: string;
  readonly layout: StorageLayout;
  readonly objects: ObjectStore;
  readonly lock: DataDirLock;
}

/** Prepares the data directory, starts the HTTP server and returns the handle. */
async function serve(prepared: Prepared): Promise<LocalBucketHandle> {
  const { options, host, port, faults, serverNow, log, region, layout, objects, lock } = prepared;
  try {
    await objects.init(options.buckets ?? [], serverNow());
  } catch (error) {
    if (error instanceof OssError) {
      const name = error.response.details?.['BucketName'] ?? '';
      throw new DropsignError('invalid-argument', `"${name}" is not a valid bucket name.`, 'Bucket names are 3-63 characters of a-z, 0-9 and "-", starting and ending with a letter or digit.');
    }
    throw new DropsignError('local-bucket-failed', `Cannot prepare the data directory ${layout.root}: ${(error as Error).message}`, 'Check that the directory is writable.');
  }
  const services: ServerServices = {
    objects,
    multipart: new MultipartStore(layout, objects, new KeyedLock()),
    region,
    rangeBehavior: options.rangeBehavior ?? 'standard',
  };
  const cors = options.cors ?? [];
  const virtualHostDomains = options.virtualHostDomains ?? ['localhost'];
  const active = new Set<Promise<void>>();

  async function handle(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): Promise<void> {
    const requestId = newRequestId();
    const now = serverNow();
    const headers = collectHeaders(req);
    const method = (req.method ?? 'GET').toUpperCase();
    res.setHeader('x-oss-request-id', requestId);
    res.setHeader('date', new Date(now).toUTCString());
    res.setHeader('server', 'DropsignLocalBucket');
    let ctx: RequestContext | undefined;
    try {
      for (const [name, value] of Object.entries(actualRequestHeaders(cors, headers['origin'], method))) res.setHeader(name, value);
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      if (method === 'OPTIONS') {
        const answer = preflightHeaders(cors, {
          origin: headers['origin'],
          method: headers['access-control-request-method'],
          headers: parseRequestedHeaders(headers['access-control-request-headers']),
        });
        for (const [name, value] of Object.entries(answer)) res.setHeader(name, value);
        res.setHeader('content-length', '0');
        res.writeHead(200);
        res.end();
        return;
      }
      const fault = faults.decide(hasBody(headers));
      if (fault.kind === 'fail') {
        throw fault.status === 500
          ? ossError('InternalError', 'We encountered an internal error. Please try again. (fail-rate fault)')
          : ossError('ServiceUnavailable', 'Please reduce your request rate. (fail-rate fault)');
      }
      const target = parseRequestTarget(req.url ?? '/', headers['host'] ?? '', virtualHostDomains);
      const operation = route(method, target);
      const info: IncomingRequestInfo = {
        method,
        rawPath: target.rawPath,
        rawQuery: target.rawQuery,
        query: target.query,
        headers,
        rawHeaders: pairs(req.rawHeaders),
        host: target.host,
        style: target.style,
        ...(target.bucket === undefined ? {} : { bucket: target.bucket }),
        ...(target.key === undefined ? {} : { key: target.key }),
        receivedAt: now,
      };
      const verdict = options.authenticate(info, { accessKeys: options.accessKeys, region });
      if (verdict.kind === 'denied') throw new OssError(verdict.error);
      ctx = new RequestContext({
        req, res, target, headers, now, requestId, fault, services, expectsContinue,
        dialect: detectDialect(headers, target.query),
      });
      await operation.run(ctx);
    } catch (error) {
      if (error instanceof ConnectionResetFault) return;
      // The path only: a presigned query carries signatures and STS tokens, which never go to a log.
      if (!(error instanceof OssError) && !req.socket.destroyed) log(`local bucket: ${method} ${(req.url ?? '').split('?')[0] ?? ''} failed: ${String(error)}`);
      sendErrorResponse(req, res, toOssErrorResponse(error), {
        requestId,
        hostId: headers['host'] ?? '',
        bodyState: ctx?.bodyState ?? 'unread',
        expectsContinue,
      });
    }
  }

  function track(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const job = handle(req, res, expectsContinue).catch((error: unknown) => {
      log(`local bucket: unexpected failure: ${String(error)}`);
      res.destroy();
    });
    active.add(job);
    void job.finally(() => active.delete(job));
  }

  // HTTP keep-alive is Node's default (connections are reused; keepAliveTimeout 5 s, announced in the
  // Keep-Alive header so pooling clients retire sockets first); `keepAlive: true` adds TCP probes on top.
  // Why requestTimeout 0: Node's default (5 minutes for the whole request) would cut a 5 GB upload on a
  // slow link; silent sockets are bounded by IDLE_SOCKET_MS instead.
  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, keepAlive: true, requestTimeout: 0 });
  server.setTimeout(IDLE_SOCKET_MS, (socket) => socket.destroy());
  server.on('request', (req: IncomingMessage, res: ServerResponse) => track(req, res, false));
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => track(req, res, true));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const requestId = newRequestId();
    if (error.code === 'HPE_HEADER_OVERFLOW') sendRawError(socket, 'RequestHeaderFieldsTooLarge', requestId);
    // The client went away (or ended its side mid-body): nobody to answer; destroying aborts the request.
    else if (['ECONNRESET', 'EPIPE', 'HPE_INVALID_EOF_STATE'].includes(error.code ?? '')) socket.destroy();
    else sendRawError(socket, 'InvalidRequest', requestId);
  });

  const address = await listen(server, host, port);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const buckets = (await objects.listBuckets()).map((b) => b.name);
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${urlHost}:${address.port}`,
    region,
    port: address.port,
    buckets,
    close: () => {
      closing ??= shutDown(server, active)
        .then(() => objects.close())
        .finally(() => lock.release());
      return closing;
    },
  };
}

/** True for addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new DropsignError(
          'local-bucket-failed',
          `Cannot listen on ${host}:${port} (${error.code ?? error.message}).`,
          'Pick another port, or stop whatever is using this one.',
          { errno: error.code ?? 'unknown' },
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

async function shutDown(server: Server, active: ReadonlySet<Promise<void>>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const drained = Promise.allSettled([...active]);
  const timer = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  await drained;
  server.closeAllConnections();
  clearTimeout(timer);
  await closed;
  // Handlers cut off by closeAllConnections clean their temporary files before they settle.
  await Promise.allSettled([...active]);
}

/** A request id shaped like OSS's: 24 upper-case hex digits (12 random bytes). */
function newRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}

function collectHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function pairs(raw: readonly string[]): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

function hasBody(headers: Readonly<Record<string, string>>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? '0') > 0;
}
