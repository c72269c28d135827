/**
 * Domain types of presigned-URL signing, shared by core, CLI, main and the renderer.
 *
 * The signer itself lives in electron/core/signing; these are only the shapes that cross boundaries.
 */

/** The supported signing schemes. `oss-v4` (OSS4-HMAC-SHA256) is the default. */
export type SigningScheme = 'oss-v4' | 'oss-v1' | 's3-v4';

/** All signing schemes, in the order they are offered to users. */
export const SIGNING_SCHEMES: readonly SigningScheme[] = ['oss-v4', 'oss-v1', 's3-v4'];

/** HTTP methods a presigned URL can be made for (POST: multipart initiate and complete). */
export type HttpMethod = 'GET' | 'PUT' | 'HEAD' | 'DELETE' | 'POST';

/** All supported HTTP methods. */
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'HEAD', 'DELETE', 'POST'];

/**
 * How the bucket is addressed in the URL.
 * - `virtual-hosted`: `https://bucket.endpoint-host/key` (the default, and what OSS requires for new buckets)
 * - `path`: `https://endpoint-host/bucket/key` (local stores, MinIO)
 * - `cname`: `https://custom-domain/key`, the endpoint being the custom domain bound to the bucket
 */
export type AddressingStyle = 'virtual-hosted' | 'path' | 'cname';

/** All addressing styles. */
export const ADDRESSING_STYLES: readonly AddressingStyle[] = ['virtual-hosted', 'path', 'cname'];

/** Access credentials. `securityToken` is present for STS / temporary credentials. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

/** One query parameter. A missing `value` (or an empty one) is a value-less parameter such as `uploads`. */
export interface QueryParam {
  readonly name: string;
  readonly value?: string;
}

/** What to sign. Names follow the CLI flags of `dropsign sign`. */
export interface PresignRequest {
  readonly scheme: SigningScheme;
  readonly method: HttpMethod;
  /** Endpoint URL: `https://oss-cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:9000`, or the custom domain for `cname`. */
  readonly endpoint: string;
  readonly style: AddressingStyle;
  readonly bucket: string;
  /** Object key; omitted for bucket-level requests (listing, for example). */
  readonly key?: string;
  /** Bare region id such as `cn-hangzhou`; required by the V4 schemes. */
  readonly region?: string;
  /** Validity in seconds: 1..604800 for the V4 schemes. */
  readonly expiresInSeconds: number;
  /** Headers the uploader will send and that the signature binds (names are case-insensitive). */
  readonly headers?: Readonly<Record<string, string>>;
  /** OSS V4 only: extra header names to sign besides the default ones (for example `host`). */
  readonly additionalHeaders?: readonly string[];
  /** Sub-resources and other query parameters, in any order. */
  readonly query?: readonly QueryParam[];
}

/** The signing clock: the current time and an optional offset learnt from a server (skew correction). */
export interface SigningClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Added to `now()` before signing; positive when the local clock is behind the server. */
  readonly offsetMs?: number;
}

/** A signed URL and everything a client needs to use it. */
export interface PresignResult {
  readonly url: string;
  readonly method: HttpMethod;
  /**
   * The headers the client must send, with exactly these values (lower-case names). The `Host` header is
   * implied by the URL and not listed.
   */
  readonly signedHeaders: Readonly<Record<string, string>>;
  /** When the URL stops working, ISO 8601 UTC. */
  readonly expiresAt: string;
  /** The signing time used, ISO 8601 UTC. */
  readonly signedAt: string;
}
