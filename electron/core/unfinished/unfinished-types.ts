/**
 * Unfinished uploads: multipart uploads begun on the server and never completed or aborted. Their parts
 * stay stored (and, on OSS and S3, billed) until someone aborts them; a client that lost its checkpoint
 * (another machine, a deleted app data folder, a killed tool) can no longer see them.
 */
import type { AddressingStyle, Credentials, SigningScheme } from '../../shared/signing.js';
import type { ListedUpload } from '../transfer/http/multipart-xml.js';

/** One upload in progress on the server: key, upload id and when it was initiated, as the server lists it. */
export type UnfinishedUpload = ListedUpload;

/** The bucket to look in, and how to sign for it. */
export interface UnfinishedTarget {
  readonly scheme: SigningScheme;
  readonly endpoint: string;
  readonly style: AddressingStyle;
  readonly bucket: string;
  readonly region?: string;
  readonly credentials: Credentials;
}
