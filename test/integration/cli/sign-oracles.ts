/**
 * Independent signers to check `dropsign sign` against: ali-oss 6.23.0 (OSS V4 `signatureUrlV4`, OSS V1
 * `signatureUrl`) and @smithy/signature-v4 (S3 SigV4 `presign`). Each returns the URL the oracle would
 * produce, normalised for comparison (see `comparableUrl`).
 */
import { createRequire } from 'node:module';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { vi } from 'vitest';

/** The parts of ali-oss these tests use (the package ships no types). */
interface AliOssClient {
  signatureUrlV4(
    method: string,
    expires: number,
    request: { headers?: Record<string, string>; queries?: Record<string, string | null> },
    objectName?: string,
    additionalHeaders?: string[],
  ): Promise<string>;
  signatureUrl(name: string, options: Record<string, unknown>): string;
}
type AliOssConstructor = new (options: Record<string, unknown>) => AliOssClient;

const AliOss = createRequire(import.meta.url)('ali-oss') as AliOssConstructor;

/** A URL as compared: origin, decoded path, and decoded query parameters sorted by name. */
export interface ComparableUrl {
  readonly origin: string;
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
}

/** Normalises a URL so that two encodings of the same request compare equal. */
export function comparableUrl(url: string): ComparableUrl {
  const parsed = new URL(url);
  return {
    origin: parsed.origin,
    path: decodeURIComponent(parsed.pathname),
    query: [...parsed.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

/** Runs `fn` with `Date` frozen at `atMs` (ali-oss reads the time from `new Date()` / `Date.now()`). */
async function atTime<T>(atMs: number, fn: () => Promise<T> | T): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(atMs);
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

/** Credentials as the oracles take them. */
export interface OracleCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

/** An ali-oss client for a bucket: virtual-hosted on `oss-<region>.aliyuncs.com`, or on a CNAME. */
function aliOss(credentials: OracleCredentials, bucket: string, region: string, cname?: string): AliOssClient {
  const options = {
    region: `oss-${region}`,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    ...(credentials.securityToken === undefined ? {} : { stsToken: credentials.securityToken }),
    bucket,
    secure: true,
    authorizationV4: true,
    ...(cname === undefined ? {} : { cname: true, endpoint: `https://${cname}` }),
  };
  // ali-oss warns about STS tokens without a refresh callback; irrelevant to a one-off signature.
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return new AliOss(options);
  } finally {
    warn.mockRestore();
  }
}

/** What an OSS oracle signs. Query values `null` are value-less parameters. */
export interface OssOracleRequest {
  readonly credentials: OracleCredentials;
  readonly atMs: number;
  readonly method: string;
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  readonly expires: number;
  readonly headers?: Record<string, string>;
  readonly queries?: Record<string, string | null>;
  readonly additionalHeaders?: string[];
  readonly cname?: string;
}

/** ali-oss `signatureUrlV4` at a fixed time. */
export async function aliOssV4(r: OssOracleRequest): Promise<string> {
  const client = aliOss(r.credentials, r.bucket, r.region, r.cname);
  return atTime(r.atMs, () =>
    client.signatureUrlV4(
      r.method,
      r.expires,
      { headers: { ...r.headers }, queries: { ...r.queries } },
      r.key,
      r.additionalHeaders === undefined ? undefined : [...r.additionalHeaders],
    ),
  );
}

/** ali-oss `signatureUrl` (OSS V1) at a fixed time; `queries` are passed as signed sub-resources. */
export async function aliOssV1(r: OssOracleRequest): Promise<string> {
  const client = aliOss(r.credentials, r.bucket, r.region, r.cname);
  return atTime(r.atMs, () =>
    client.signatureUrl(r.key, {
      method: r.method,
      expires: r.expires,
      ...r.headers,
      ...(r.queries === undefined ? {} : { subResource: { ...r.queries } }),
    }),
  );
}

/** What the S3 oracle signs: the URL parts are given as sent (path already percent-encoded). */
export interface S3OracleRequest {
  readonly credentials: OracleCredentials;
  readonly atMs: number;
  readonly method: string;
  readonly protocol: 'http:' | 'https:';
  /** Host name with `:port` when not the default, as in the Host header. */
  readonly host: string;
  readonly path: string;
  readonly region: string;
  readonly expires: number;
  readonly headers?: Record<string, string>;
  /** Value-less parameters are given as ''. */
  readonly query?: Record<string, string>;
}

/**
 * @smithy/signature-v4 `presign` configured as a plain S3 query signer: no path re-encoding, an
 * `UNSIGNED-PAYLOAD` payload hash that is neither signed nor put in the query, no `x-amz-*` headers
 * hoisted into the query.
 */
export async function smithyS3V4(r: S3OracleRequest): Promise<string> {
  const signer = new SignatureV4({
    service: 's3',
    region: r.region,
    credentials: {
      accessKeyId: r.credentials.accessKeyId,
      secretAccessKey: r.credentials.accessKeySecret,
      ...(r.credentials.securityToken === undefined ? {} : { sessionToken: r.credentials.securityToken }),
    },
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const [hostname = '', port] = r.host.split(':');
  const userHeaders = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const signed = await signer.presign(
    {
      method: r.method,
      protocol: r.protocol,
      hostname,
      ...(port === undefined ? {} : { port: Number(port) }),
      path: r.path,
      query: { ...r.query },
      headers: { host: r.host, ...userHeaders, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    },
    {
      signingDate: new Date(r.atMs),
      expiresIn: r.expires,
      unsignableHeaders: new Set(['x-amz-content-sha256']),
      unhoistableHeaders: new Set(['x-amz-content-sha256', ...Object.keys(userHeaders)]),
    },
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(signed.query ?? {})) {
    if (typeof value === 'string') query.append(name, value);
  }
  return `${r.protocol}//${r.host}${r.path}?${query.toString()}`;
}
