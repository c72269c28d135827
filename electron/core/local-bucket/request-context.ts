/**
 * One request as the operation handlers see it: the parsed target, headers, server time, the stores, the
 * body (read at most once, with 100-continue and the reset fault handled), and helpers to answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodySource } from './body-sink.js';
import type { FaultDecision } from './faults.js';
import type { MultipartStore } from './multipart-store.js';
import type { ClientDialect } from './object-headers.js';
import type { ObjectStore } from './object-store.js';
import { ossError } from './oss-errors.js';
import type { RequestTarget } from './request-target.js';
import { PayloadCheck, payloadClaim } from './payload-sha256.js';
import type { RangeBehavior } from './types.js';

/** Thrown after the reset fault destroyed the connection: there is nobody left to answer. */
export class ConnectionResetFault extends Error {
  override readonly name = 'ConnectionResetFault';
}

/** Server-wide things handlers use. */
export interface ServerServices {
  readonly objects: ObjectStore;
  readonly multipart: MultipartStore;
  readonly region: string;
  readonly rangeBehavior: RangeBehavior;
}

/** Where the request body stands: decides whether an early answer can keep the connection. */
export type BodyState = 'unread' | 'reading' | 'done';

/** One request in flight. */
export class RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly target: RequestTarget;
  /** Request headers by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** Server time when the request arrived (clock offset applied). */
  readonly now: number;
  readonly requestId: string;
  readonly dialect: ClientDialect;
  readonly fault: FaultDecision;
  readonly services: ServerServices;
  /** True when the client sent `Expect: 100-continue` and waits for it before sending the body. */
  readonly expectsContinue: boolean;
  bodyState: BodyState = 'unread';

  constructor(init: {
    req: IncomingMessage;
    res: ServerResponse;
    target: RequestTarget;
    headers: Readonly<Record<string, string>>;
    now: number;
    requestId: string;
    dialect: ClientDialect;
    fault: FaultDecision;
    services: ServerServices;
    expectsContinue: boolean;
  }) {
    this.req = init.req;
    this.res = init.res;
    this.target = init.target;
    this.headers = init.headers;
    this.now = init.now;
    this.requestId = init.requestId;
    this.dialect = init.dialect;
    this.fault = init.fault;
    this.services = init.services;
    this.expectsContinue = init.expectsContinue;
  }

  /** The bucket; only called by handlers the router gave a bucket to. */
  get bucket(): string {
    if (this.target.bucket === undefined) throw new Error('Handler needs a bucket.');
    return this.target.bucket;
  }

  /** The key; only called by handlers the router gave a key to. */
  get key(): string {
    if (this.target.key === undefined) throw new Error('Handler needs a key.');
    return this.target.key;
  }

  /** The value of query parameter `name` (`''` for a bare name), or undefined when absent. */
  query(name: string): string | undefined {
    const found = this.target.query.find((q) => q.name === name);
    return found === undefined ? undefined : (found.value ?? '');
  }

  /** Content-Length, or undefined for a chunked body. Throws InvalidArgument for a malformed value. */
  declaredLength(): number | undefined {
    if (this.headers['transfer-encoding'] !== undefined) return undefined;
    const text = this.headers['content-length'];
    if (text === undefined) return 0;
    if (!/^[0-9]{1,16}$/.test(text)) throw ossError('InvalidArgument', 'Content-Length is not a valid number.');
    return Number(text);
  }

  /** The body as a stream for `sinkBody`, at most `maxBytes` long. Refuses framings it cannot store. */
  bodySource(maxBytes: number): BodySource {
    const encoding = (this.headers['content-encoding'] ?? '').toLowerCase();
    const sha = this.headers['x-amz-content-sha256'] ?? '';
    if (encoding.includes('aws-chunked') || sha.startsWith('STREAMING-')) {
      // Storing aws-chunked framing as object bytes would corrupt the object; say so instead.
      throw ossError('NotImplemented', 'aws-chunked uploads are not supported; send the body unframed.');
    }
    const payload = payloadClaim(this.headers['x-amz-content-sha256']);
    const declaredLength = this.declaredLength();
    this.startBody();
    const afterFirstChunk =
      this.fault.kind === 'reset'
        ? (): void => {
            this.req.socket.destroy();
            throw new ConnectionResetFault('Upload connection reset on purpose (reset-rate fault).');
          }
        : undefined;
    const stream = this.trackedStream();
    return { stream, declaredLength, maxBytes, payload, ...(afterFirstChunk === undefined ? {} : { afterFirstChunk }) };
  }

  /** Reads a small body (an XML document) fully; InvalidArgument beyond `maxBytes`. */
  async readSmallBody(maxBytes: number): Promise<string> {
    const declared = this.declaredLength();
    if (declared !== undefined && declared > maxBytes) {
      throw ossError('InvalidArgument', `The request body must not be larger than ${maxBytes} bytes.`);
    }
    const payload = new PayloadCheck(payloadClaim(this.headers['x-amz-content-sha256']));
    this.startBody();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.trackedStream()) {
      size += chunk.length;
      if (size > maxBytes) throw ossError('InvalidArgument', `The request body must not be larger than ${maxBytes} bytes.`);
      payload.update(chunk);
      chunks.push(Buffer.from(chunk));
    }
    payload.verify();
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Answers with headers and no body. */
  sendEmpty(status: number, headers: Readonly<Record<string, string>> = {}): void {
    for (const [name, value] of Object.entries(headers)) this.res.setHeader(name, value);
    this.res.setHeader('content-length', '0');
    this.res.writeHead(status);
    this.res.end();
  }

  /** Answers with an XML body. */
  sendXml(status: number, xml: string, headers: Readonly<Record<string, string>> = {}): void {
    const body = Buffer.from(xml, 'utf8');
    for (const [name, value] of Object.entries(headers)) this.res.setHeader(name, value);
    this.res.setHeader('content-type', 'application/xml');
    this.res.setHeader('content-length', String(body.length));
    this.res.writeHead(status);
    this.res.end(body);
  }

  private startBody(): void {
    if (this.bodyState !== 'unread') throw new Error('The request body can be read only once.');
    this.bodyState = 'reading';
    if (this.expectsContinue) this.res.writeContinue();
  }

  private async *trackedStream(): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.req as AsyncIterable<Uint8Array>) yield chunk;
    this.bodyState = 'done';
  }
}
