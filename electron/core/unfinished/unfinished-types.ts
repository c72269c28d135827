/**
 * Unfinished uploads: multipart uploads begun on the server and never completed or aborted. Their parts
 * stay stored (and, on OSS and S3, billed) until someone aborts them; a client that lost its checkpoint
 * (another machine, a deleted app data folder, a killed tool) can no longer see them.
 */
import type { AddressingStyle, Credentials, SigningScheme } from '../../shared/signing.js';

/** One upload in progress on the server. */
export interface UnfinishedUpload {
  readonly key: string;
  readonly uploadId: string;
  /** When it was initiated (ISO 8601, UTC). */
  readonly initiatedAt: string;
}

/** The bucket to look in, and how to sign for it. */
export interface UnfinishedTarget {
  readonly scheme: SigningScheme;
  readonly endpoint: string;
  readonly style: AddressingStyle;
  readonly bucket: string;
  readonly region?: string;
  readonly credentials: Credentials;
}
