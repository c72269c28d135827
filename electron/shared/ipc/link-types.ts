/**
 * Links to hand to other people (`links:create`): a presigned PUT someone can upload to, or a presigned
 * GET to download with, with the headers the other side must send and ready-to-paste snippets.
 *
 * Request fields marked `?: T | undefined` may arrive as an explicit `undefined`; answers use plain `?:`.
 */
import type { ErrorInfo } from '../errors.js';
import type { HttpMethod, SigningScheme } from '../signing.js';

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

/** What a link may ask of a store: its storage classes, and whether it has OSS image processing and upload callbacks. */
export interface StoreLinkOptions {
  readonly storageClasses: readonly string[];
  readonly supportsProcess: boolean;
  readonly supportsCallback: boolean;
}

/** The link options of a store: OSS has image processing and upload callbacks, S3-compatible stores neither. */
export function storeLinkOptions(provider: 'oss' | 's3'): StoreLinkOptions {
  const oss = provider === 'oss';
  return { storageClasses: oss ? OSS_STORAGE_CLASSES : S3_STORAGE_CLASSES, supportsProcess: oss, supportsCallback: oss };
}

/** One user-metadata entry of an upload link. */
export interface LinkMetadata {
  readonly name: string;
  /** Visible ASCII (HTTP cannot carry other bytes as signed); percent-encode anything else first. */
  readonly value: string;
}

/** How an OSS upload callback's body is encoded (`callbackBodyType`). */
export const CALLBACK_BODY_TYPES = ['application/x-www-form-urlencoded', 'application/json'] as const;

/**
 * PUT, OSS only: after the upload, OSS POSTs `body` to `url` and relays that server's answer to the
 * uploader. Encoded as OSS expects (base64 JSON in the signed `callback` query parameter).
 */
export interface LinkCallback {
  /** http(s) URL of the application server OSS calls. */
  readonly url: string;
  /** The body template, with OSS variables such as `bucket=${bucket}&object=${object}&size=${size}`. */
  readonly body: string;
  /** The form encoding when absent. */
  readonly bodyType?: (typeof CALLBACK_BODY_TYPES)[number] | undefined;
  /** The Host header of the callback request; the URL's host when absent. */
  readonly host?: string | undefined;
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
  /** PUT, OSS only: an upload callback (advanced). */
  readonly callback?: LinkCallback | undefined;
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
  /** Its id in the register of issued links; absent when it could not be recorded (and from the CLI's signer). */
  readonly id?: string;
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

/** Why a link's validity is capped where it is (`links:limits`). */
export type LinkExpiryCap =
  /** Seven days: the longest validity a V4 signature allows (and the longest Dropsign offers for V1). */
  | { readonly kind: 'signature-max' }
  /** The profile's STS token dies first; a link cannot outlive the credentials that signed it. */
  | { readonly kind: 'token-expiry'; readonly tokenExpiresAt: string }
  /** The profile's STS token has already expired: no link made with it works. */
  | { readonly kind: 'token-expired'; readonly tokenExpiresAt: string };

/** `links:limits`: what the link form may offer for a profile. */
export interface LinkLimits {
  readonly profile: string;
  readonly provider: 'oss' | 's3';
  readonly scheme: SigningScheme;
  readonly bucket: string;
  /** The longest validity allowed now, in seconds (0 when the token has expired). */
  readonly maxExpirySeconds: number;
  readonly cap: LinkExpiryCap;
  /** A plain sentence saying why the cap is where it is. */
  readonly capReason: string;
  /** The storage classes the store offers. */
  readonly storageClasses: readonly string[];
  /** Whether `process` (OSS image/document processing) applies. */
  readonly supportsProcess: boolean;
  /** Whether an upload callback applies (OSS). */
  readonly supportsCallback: boolean;
  /** The profile's key prefix, which the form suggests. */
  readonly keyPrefix: string;
}

/** One link in the register of issued links: what was handed out (never a secret, never a snippet). */
export interface IssuedLinkView {
  /** Stable id in the register. */
  readonly id: string;
  readonly issuedAt: string;
  readonly url: string;
  readonly method: LinkMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
  readonly signedAt: string;
  readonly profile: string;
  readonly bucket: string;
  readonly key: string;
}

/** `links:list`: issued links, newest first. Whether one is active follows from `expiresAt` and the clock. */
export interface IssuedLinkList {
  readonly links: readonly IssuedLinkView[];
  /** How many the register holds in all (the list may be capped). */
  readonly total: number;
}

/** `links:export-csv`: the register as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read it). */
export interface IssuedLinksCsv {
  readonly fileName: string;
  readonly csv: string;
}

/**
 * `links:drop-page`: a self-contained HTML page through which the recipient of an upload link picks or
 * drops one file and uploads it (no server but the bucket, no external resource; it carries the link).
 */
export interface DropPage {
  /** `dropsign-upload-<the key's last segment>.html`, in letters, digits, `.`, `_` and `-`. */
  readonly fileName: string;
  readonly html: string;
}

/** Whether an inspected link's signature holds, as far as can be told. */
export type LinkVerification =
  /** Valid for `method` with the credentials of `profile`. */
  | { readonly kind: 'valid'; readonly profile: string; readonly method: HttpMethod }
  /** The profile with this access key id does not produce this signature (tampered, or another secret). */
  | { readonly kind: 'invalid'; readonly profile: string; readonly message: string }
  /** No configured profile has the link's access key id. */
  | { readonly kind: 'no-profile'; readonly accessKeyId: string }
  /** It could not be checked (for example, it signs header values the URL does not carry). */
  | { readonly kind: 'unchecked'; readonly message: string };

/** `links:inspect`: what a presigned OSS or S3 URL says about itself. */
export interface LinkInspection {
  readonly scheme: SigningScheme;
  /** The URL's host (and port). */
  readonly host: string;
  /** Undefined when the URL does not show it (a custom domain). */
  readonly bucket?: string;
  readonly key: string;
  readonly region?: string;
  readonly accessKeyId: string;
  /** ISO 8601 UTC; V1 links do not carry it. */
  readonly signedAt?: string;
  readonly expiresAt: string;
  /** Header names the signature binds (their values are not in the URL). */
  readonly signedHeaders: readonly string[];
  /** Other signed query parameters (`x-oss-process`, `versionId`, `response-content-disposition`...). */
  readonly parameters: readonly { readonly name: string; readonly value: string }[];
  /** True when an STS token is in the link. */
  readonly hasSecurityToken: boolean;
  readonly verification: LinkVerification;
  /** When the link is in the register of issued links: its id there. */
  readonly issuedLinkId?: string;
  /**
   * When a server answer was given: what it means in plain words (the server's code, and for a signature
   * mismatch which header differs from what the link signed, in the message).
   */
  readonly answer?: ErrorInfo;
}
