/**
 * Signing for the engine: one signer per transfer, bound to its destination, its current credentials
 * and the clock offset learnt from that destination's server (shared by every transfer to the endpoint,
 * so one `RequestTimeTooSkewed` corrects them all).
 */
import type { Credentials, PresignResult } from '../../../shared/signing.js';
import { presign } from '../../signing/presign.js';
import type { SignFn, SignRequest } from '../object-api.js';
import type { DestinationDescriptor } from './engine-types.js';

/** Clock offsets learnt from servers, per endpoint (the server's clock minus ours, ms). */
export class ClockOffsets {
  readonly #byEndpoint = new Map<string, number>();

  /** The offset to add when signing for `endpoint` (0 until one is learnt). */
  get(endpoint: string): number {
    return this.#byEndpoint.get(endpoint) ?? 0;
  }

  /** Records what a server's answer taught. */
  set(endpoint: string, offsetMs: number): void {
    this.#byEndpoint.set(endpoint, offsetMs);
  }
}

/** The credentials a signer uses now; replaced when they are fetched again (expired STS tokens). */
export interface CredentialsHolder {
  current: Credentials;
}

/** Signs any request to the destination with a given validity. */
export type DestinationSigner = (request: SignRequest, expiresInSeconds: number) => PresignResult;

/** A signer for `descriptor` that reads the credentials, the clock and the learnt offset at each call. */
export function destinationSigner(
  descriptor: DestinationDescriptor,
  credentials: CredentialsHolder,
  now: () => number,
  offsets: ClockOffsets,
): DestinationSigner {
  return (request, expiresInSeconds) =>
    presign(
      credentials.current,
      {
        scheme: descriptor.scheme,
        method: request.method,
        endpoint: descriptor.endpoint,
        style: descriptor.style,
        bucket: descriptor.bucket,
        key: request.key,
        ...(descriptor.region === undefined ? {} : { region: descriptor.region }),
        expiresInSeconds,
        ...(request.headers === undefined ? {} : { headers: request.headers }),
        ...(request.query === undefined ? {} : { query: request.query }),
      },
      { now, offsetMs: offsets.get(descriptor.endpoint) },
    );
}

/** The `SignFn` the HTTP layer calls: every request signed with the same validity. */
export function requestSignFn(signer: DestinationSigner, expiresInSeconds: number): SignFn {
  return (request) => signer(request, expiresInSeconds);
}
