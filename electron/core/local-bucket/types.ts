/**
 * Public shapes of the local bucket: options, the running handle, and the authentication seam.
 */
import type { QueryParam } from '../../shared/signing.js';
import type { OssErrorResponse } from './oss-errors.js';

/** How the bucket was named in a request: the first path segment, or the first label of the Host header. */
export type RequestAddressingStyle = 'path' | 'virtual-hosted';

/**
 * Everything a signature verifier needs to know about one request, gathered before any operation runs and
 * before the body is read.
 */
export interface IncomingRequestInfo {
  /** The request method, upper-case, as received. */
  readonly method: string;
  /** The path of the request target exactly as received: still percent-encoded, never normalised, no query. */
  readonly rawPath: string;
  /** The query string exactly as received, without the `?`; empty when there is none. */
  readonly rawQuery: string;
  /**
   * The query parameters in the order received, names and values percent-decoded (`+` stays `+`).
   * `value` is undefined for a bare name (`?uploads`) and `''` for `?uploads=`.
   */
  readonly query: readonly QueryParam[];
  /** Header values by lower-cased name, repeated headers merged as Node merges them (`, `). */
  readonly headers: Readonly<Record<string, string>>;
  /** Every header line in order, with the name's original case: to spot repeated or odd headers. */
  readonly rawHeaders: readonly (readonly [name: string, value: string])[];
  /** The Host header as received (with the port when the client sent one). */
  readonly host: string;
  /** How the bucket was addressed. */
  readonly style: RequestAddressingStyle;
  /** The bucket, decoded; absent for service-level requests such as `GET /`. */
  readonly bucket?: string;
  /** The object key, decoded; absent for bucket-level requests. */
  readonly key?: string;
  /** When the server received the request, in milliseconds since the epoch, on the server's (possibly shifted) clock. */
  readonly receivedAt: number;
}

/** What the server hands the verifier besides the request: the keys it knows and the region it serves. */
export interface AuthContext {
  /** Access key id → secret. */
  readonly accessKeys: ReadonlyMap<string, string>;
  /** The region id the server pretends to be in, such as `cn-hangzhou`. */
  readonly region: string;
}

/** The verdict on one request. */
export type AuthResult =
  | { readonly kind: 'allowed'; readonly accessKeyId: string }
  | { readonly kind: 'denied'; readonly error: OssErrorResponse };

/**
 * Decides whether a request may run. Called once per request (CORS preflights excepted, as on OSS), after
 * the request target has been parsed and before the operation runs or the body is read.
 */
export type Authenticate = (request: IncomingRequestInfo, context: AuthContext) => AuthResult;

/** One CORS rule, as in an OSS bucket's CORS configuration. The first rule that matches a request applies. */
export interface CorsRule {
  /** Origins such as `http://127.0.0.1:5173`; `*` matches any run of characters (at most one `*` each). */
  readonly allowedOrigins: readonly string[];
  /** Methods a browser may use: any of GET, PUT, POST, DELETE, HEAD. */
  readonly allowedMethods: readonly string[];
  /** Request headers a browser may send (case-insensitive); `*` allows any. Defaults to `['*']`. */
  readonly allowedHeaders?: readonly string[];
  /** Response headers a page may read besides the CORS-safelisted ones. */
  readonly exposeHeaders?: readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. */
  readonly maxAgeSeconds?: number;
}

/** Faults on demand, for tests and benchmarks. Every rate is a fraction in [0, 1]. */
export interface FaultOptions {
  /** Fraction of requests answered with 500 InternalError or 503 ServiceUnavailable (half each). */
  readonly failRate?: number;
  /** Fraction of uploads (requests with a body) whose connection is destroyed after the first body bytes. */
  readonly resetRate?: number;
  /** Delay added before every request is handled, in milliseconds. */
  readonly latencyMs?: number;
  /** Shift of the server's clock in seconds (Date headers, Last-Modified, `receivedAt`); may be negative. */
  readonly clockOffsetSeconds?: number;
}

/** The server's clock. For testing: inject a fixed one. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/**
 * What GetObject does with a Range it cannot satisfy.
 * - `standard`: as OSS with `x-oss-range-behavior: standard` and as S3: end clamped to the object, a start
 *   at or past the end → 416 InvalidRange.
 * - `oss-default`: as OSS without that header: an out-of-range Range is ignored and the whole object is
 *   sent with 200. A request carrying `x-oss-range-behavior: standard` still gets `standard`.
 */
export type RangeBehavior = 'standard' | 'oss-default';

/** Options of `startLocalBucket`. */
export interface LocalBucketOptions {
  /** Where buckets, objects and temporary files live. Created when missing. */
  readonly dataDir: string;
  /** Interface to listen on. Default `127.0.0.1`. Anything but loopback is refused unless `allowNonLoopback`. */
  readonly host?: string;
  /** Explicit consent to listen on a non-loopback interface (the server then serves the network). */
  readonly allowNonLoopback?: boolean;
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Buckets to create when missing. Buckets already in the data directory are served too. */
  readonly buckets?: readonly string[];
  /** Region id reported to clients and handed to the verifier. Default `cn-hangzhou`. */
  readonly region?: string;
  /** Access key id → secret, handed to `authenticate`. */
  readonly accessKeys: ReadonlyMap<string, string>;
  /** The request verifier. */
  readonly authenticate: Authenticate;
  /** CORS rules; none (the default) means browsers get no CORS headers and preflights are refused. */
  readonly cors?: readonly CorsRule[];
  /** Faults on demand. */
  readonly faults?: FaultOptions;
  /** What to do with unsatisfiable ranges. Default `standard`. */
  readonly rangeBehavior?: RangeBehavior;
  /**
   * Domains under which the first Host label names the bucket (virtual-hosted style). Default
   * `['localhost']`, so `photos.localhost:9000` addresses bucket `photos`. Other hosts use path style.
   */
  readonly virtualHostDomains?: readonly string[];
  /** For testing: the clock (before `clockOffsetSeconds`). Default `Date.now`. */
  readonly clock?: Clock;
  /** For testing: uniform random numbers in [0, 1) that drive the fault rates. Default `Math.random`. */
  readonly random?: () => number;
  /** Where to report problems that reach no client (a failed cleanup). Default: nowhere. */
  readonly log?: (line: string) => void;
}

/** A running local bucket. */
export interface LocalBucketHandle {
  /** Base URL for path-style requests, such as `http://127.0.0.1:53141`. */
  readonly endpoint: string;
  /** The region id the server reports. */
  readonly region: string;
  /** The port actually bound. */
  readonly port: number;
  /** The buckets served when the server started, sorted. */
  readonly buckets: readonly string[];
  /** Stops accepting requests, ends in-flight ones, removes their temporary files, and resolves when done. */
  close(): Promise<void>;
}
