/**
 * Links to hand to other people (`links:create`): a presigned PUT someone can upload to, or a presigned
 * GET to download with, with the headers the other side must send and ready-to-paste snippets.
 *
 * Request fields marked `?: T | undefined` may arrive as an explicit `undefined`; answers use plain `?:`.
 */
import type { HttpMethod } from '../signing.js';

/** The methods a handed-out link is made for. */
export type LinkMethod = Extract<HttpMethod, 'PUT' | 'GET'>;

/** OSS storage classes (`x-oss-storage-class`), in the order they are offered. */
export const OSS_STORAGE_CLASSES = ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'] as const;

/** S3 storage classes (`x-amz-storage-class`); S3-compatible stores accept a subset (MinIO: STANDARD, REDUCED_REDUNDANCY). */
export const S3_STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'GLACIER_IR',
  'DEEP_ARCHIVE',
] as const;

/** One user-metadata entry of an upload link. */
export interface LinkMetadata {
  readonly name: string;
  /** Visible ASCII (HTTP cannot carry other bytes as signed); percent-encode anything else first. */
  readonly value: string;
}

/** `links:create`. Fields that do not apply to the method (or the store) are refused, naming the field. */
export interface LinkRequest {
  readonly method: LinkMethod;
  /** The default profile when absent. */
  readonly profile?: string | undefined;
  readonly key: string;
  /** Validity in seconds, 1..604800; the `defaultLinkExpirySeconds` setting when absent. */
  readonly expiresInSeconds?: number | undefined;
  /** PUT: the Content-Type the uploader must send (locked into the signature). */
  readonly contentType?: string | undefined;
  /** PUT: refuse to replace an existing object (`x-oss-forbid-overwrite`, or `If-None-Match: *` on S3). */
  readonly forbidOverwrite?: boolean | undefined;
  /** PUT: one of {@link OSS_STORAGE_CLASSES} or {@link S3_STORAGE_CLASSES}, by the profile's store. */
  readonly storageClass?: string | undefined;
  /**
   * PUT: user metadata (`x-oss-meta-NAME` / `x-amz-meta-NAME`). A list, not a map, so no name can reach an
   * object's prototype (`__proto__`); names are lower-case letters, digits and `-`, each given once.
   */
  readonly metadata?: readonly LinkMetadata[] | undefined;
  /** GET: a version of a versioned object. */
  readonly versionId?: string | undefined;
  /** GET, OSS only: image or document processing (`x-oss-process`, e.g. `image/resize,w_200`). */
  readonly process?: string | undefined;
  /** GET: the Content-Disposition the download gets (`attachment; filename="report.pdf"`). */
  readonly responseContentDisposition?: string | undefined;
  /** The local file name the snippets use; the key's last segment when absent. */
  readonly fileName?: string | undefined;
}

/** Ready-to-paste commands that use the link exactly as signed. */
export interface LinkSnippets {
  /** POSIX shells (bash, zsh). */
  readonly curl: string;
  /** Windows PowerShell 5.1 and PowerShell 7. */
  readonly powershell: string;
  /** Python with the `requests` package. */
  readonly python: string;
  /** Browser `fetch` (the bucket must allow the page's origin by CORS). */
  readonly fetch: string;
}

/** Something about the link the user should know before handing it out. */
export interface LinkWarning {
  readonly code: 'token-outlives-link' | 'token-expired' | 'token-expiry-unknown' | 'content-type-unlocked' | 'mainland-custom-domain';
  readonly message: string;
  readonly hint?: string;
}

/** What `links:create` made. */
export interface LinkResult {
  readonly url: string;
  readonly method: LinkMethod;
  /** The headers the other side must send, with exactly these values (lower-case names). */
  readonly headers: Readonly<Record<string, string>>;
  /** When the link stops working, ISO 8601 UTC. */
  readonly expiresAt: string;
  readonly signedAt: string;
  readonly profile: string;
  readonly bucket: string;
  readonly key: string;
  readonly warnings: readonly LinkWarning[];
  readonly snippets: LinkSnippets;
}
