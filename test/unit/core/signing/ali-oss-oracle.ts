/**
 * A typed handle on ali-oss 6.23 (a CommonJS package without types), the independent oracle for the OSS
 * V4 and V1 property tests. Only the two presigning methods are used.
 *
 * Its quirks, which the tests work around (see design/oss-signing-spec.md "Disagreements"):
 * - a bare parameter must be passed as `null` (`''` signs `name=`);
 * - V4 sorts query names with `localeCompare`, so the tests use names where that equals byte order;
 * - V4 throws on an additional header the request does not carry (`host` must be passed as a header);
 * - V1 does not trim Content-Type / Content-MD5 and rounds `Date.now()` to the nearest second;
 * - it reads the clock with `new Date()` / `Date.now()`, so tests fake `Date` with `vi.setSystemTime`.
 */

import { createRequire } from 'node:module';

/** Constructor options of ali-oss used here. */
export interface AliOssOptions {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly stsToken?: string;
  readonly bucket: string;
  readonly region: string;
  readonly endpoint: string;
  readonly cname?: boolean;
  /** Path-style addressing ("second-level domain"). */
  readonly sldEnable?: boolean;
}

/** The two presigning methods of an ali-oss client. */
export interface AliOssClient {
  signatureUrlV4(
    method: string,
    expires: number,
    request: { headers: Record<string, string>; queries: Record<string, string | null> },
    objectName?: string,
    additionalHeaders?: string[],
  ): Promise<string>;
  signatureUrl(name: string, options: Record<string, unknown>, strictObjectNameValidation?: boolean): string;
}

const require = createRequire(import.meta.url);
const OSS = require('ali-oss') as new (options: AliOssOptions) => AliOssClient;

/** A new ali-oss client. */
export function aliOssClient(options: AliOssOptions): AliOssClient {
  return new OSS(options);
}
