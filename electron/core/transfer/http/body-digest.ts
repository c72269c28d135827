/**
 * The checksums of an upload body, computed on the chunks as they pass on their way to the socket (no copy,
 * no second read of the file): CRC-64/ECMA-182 always, MD5 only when the store has no CRC header to compare.
 */
import { createHash, type Hash } from 'node:crypto';
import { Crc64 } from '../../integrity/crc64.js';

/** Running CRC-64 (and optionally MD5) and byte count of the bytes handed to the request so far. */
export class BodyDigest {
  private readonly crc = new Crc64();
  private readonly md5: Hash | undefined;
  /** Bytes fed so far. */
  bytes = 0;

  /** `withMd5`: also compute MD5 (S3-compatible stores, whose plain ETag is the body's MD5). */
  constructor(withMd5: boolean) {
    this.md5 = withMd5 ? createHash('md5') : undefined;
  }

  /** Adds one chunk. */
  update(chunk: Uint8Array): void {
    this.crc.update(chunk);
    this.md5?.update(chunk);
    this.bytes += chunk.length;
  }

  /** The CRC-64 so far, in the decimal form of `x-oss-hash-crc64ecma`. */
  crc64(): string {
    return this.crc.digestDecimal();
  }

  /** The MD5 as lower-case hex (ends the MD5: call once, at the end); undefined without MD5. */
  md5Hex(): string | undefined {
    return this.md5?.digest('hex');
  }
}
