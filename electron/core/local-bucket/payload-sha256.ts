/**
 * S3's `x-amz-content-sha256`: a request may state the SHA-256 of its body, which S3 checks before it
 * stores anything (a body that does not hash to what was signed is refused, not stored). The local bucket
 * does the same; `UNSIGNED-PAYLOAD` (what presigned URLs use) and no header at all state nothing.
 */
import { createHash, type Hash } from 'node:crypto';
import { ossError } from './oss-errors.js';

/** What a request states about its body's SHA-256. */
export type PayloadClaim = { readonly kind: 'none' } | { readonly kind: 'sha256'; readonly hex: string };

const NONE: PayloadClaim = { kind: 'none' };

/**
 * Reads the header. Throws InvalidArgument for a value that is neither a hex SHA-256 nor
 * `UNSIGNED-PAYLOAD` (streaming values are refused earlier, as NotImplemented).
 */
export function payloadClaim(header: string | undefined): PayloadClaim {
  if (header === undefined || header === 'UNSIGNED-PAYLOAD') return NONE;
  if (/^[0-9a-fA-F]{64}$/.test(header)) return { kind: 'sha256', hex: header.toLowerCase() };
  throw ossError('InvalidArgument', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD or the SHA-256 of the body in hex.', {
    ArgumentName: 'x-amz-content-sha256',
    // Why 80: enough to see what was sent, without echoing an arbitrarily long header back.
    ArgumentValue: header.slice(0, 80),
  });
}

/** Hashes a body as it streams by, when the request stated a hash; checks it at the end. */
export class PayloadCheck {
  private readonly hash: Hash | undefined;

  constructor(private readonly claim: PayloadClaim) {
    this.hash = claim.kind === 'sha256' ? createHash('sha256') : undefined;
  }

  /** Feeds the next chunk of the body. */
  update(chunk: Uint8Array): void {
    this.hash?.update(chunk);
  }

  /** Throws XAmzContentSHA256Mismatch when the body does not hash to the stated value. */
  verify(): void {
    if (this.claim.kind !== 'sha256' || this.hash === undefined) return;
    const computed = this.hash.digest('hex');
    if (computed !== this.claim.hex) {
      throw ossError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        ClientComputedContentSHA256: this.claim.hex,
        S3ComputedContentSHA256: computed,
      });
    }
  }
}
