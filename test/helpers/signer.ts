/**
 * A real SignFn for tests: presigns path-style URLs for one bucket with Dropsign's signer, as the transfer
 * engine will, so requests meet a verifying local bucket exactly as they would meet OSS.
 */
import { presign } from '../../electron/core/signing/presign.js';
import type { SignFn } from '../../electron/core/transfer/object-api.js';
import type { Credentials, SigningClock, SigningScheme } from '../../electron/shared/signing.js';

/** What to sign for. */
export interface SignerOptions {
  /** Base URL of the server, such as a local bucket's `handle.endpoint`. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly scheme: SigningScheme;
  readonly credentials: Credentials;
  /** Region id; the V4 schemes bind it. Default `cn-hangzhou`, the local bucket's default. */
  readonly region?: string;
  /** Validity of each URL in seconds. Default 900. */
  readonly expiresInSeconds?: number;
  /** The signing clock. Default the real one. Give one 2 h back to get URLs that are expired on arrival. */
  readonly clock?: SigningClock;
}

/** A SignFn that presigns every request for `options.bucket`, path style. */
export function makeSigner(options: SignerOptions): SignFn {
  const clock = options.clock ?? { now: () => Date.now() };
  return (request) =>
    presign(
      options.credentials,
      {
        scheme: options.scheme,
        method: request.method,
        endpoint: options.endpoint,
        style: 'path',
        bucket: options.bucket,
        key: request.key,
        region: options.region ?? 'cn-hangzhou',
        expiresInSeconds: options.expiresInSeconds ?? 900,
        ...(request.headers === undefined ? {} : { headers: request.headers }),
        ...(request.query === undefined ? {} : { query: request.query }),
      },
      clock,
    );
}
