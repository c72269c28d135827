/**
 * The XML of multipart uploads, as OSS and S3 write it: the InitiateMultipartUpload, ListParts,
 * ListMultipartUploads and CompleteMultipartUpload answers we parse, and the CompleteMultipartUpload
 * request body we build.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ListedPart } from '../object-api.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Upload ids and ETags look like numbers at times but are text; numbers are converted where meant.
  parseTagValue: false,
  // `<Part>` and `<Upload>` repeat; one must still come out as a list.
  isArray: (name) => name === 'Part' || name === 'Upload',
});

function parse(body: string): Record<string, unknown> | undefined {
  try {
    const tree: unknown = parser.parse(body);
    return typeof tree === 'object' && tree !== null ? (tree as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function element(tree: Record<string, unknown> | undefined, name: string): Record<string, unknown> | undefined {
  const value = tree?.[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(node: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

function count(node: Record<string, unknown> | undefined, name: string): number | undefined {
  const value = text(node, name);
  return value !== undefined && /^[0-9]{1,15}$/.test(value) ? Number(value) : undefined;
}

/** An ETag without its surrounding double quotes (`"5EB6…"` → `5EB6…`); a weak `W/` prefix is kept. */
export function unquoteEtag(etag: string): string {
  const trimmed = etag.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/** `<InitiateMultipartUploadResult><UploadId>` of an initiate answer; undefined when there is none. */
export function parseInitiateResult(body: string): string | undefined {
  const uploadId = text(element(parse(body), 'InitiateMultipartUploadResult'), 'UploadId');
  return uploadId === undefined || uploadId === '' ? undefined : uploadId;
}

/** One page of a ListParts answer. */
export interface ListPartsPage {
  readonly parts: readonly ListedPart[];
  readonly isTruncated: boolean;
  /** Where the next page starts (`NextPartNumberMarker`); undefined when the answer has none. */
  readonly nextMarker: number | undefined;
}

/** Parses a `<ListPartsResult>` page; undefined when the body is not one or a part is malformed. */
export function parseListPartsPage(body: string): ListPartsPage | undefined {
  const result = element(parse(body), 'ListPartsResult');
  if (result === undefined) return undefined;
  const rawParts = result['Part'] ?? [];
  if (!Array.isArray(rawParts)) return undefined;
  const parts: ListedPart[] = [];
  for (const raw of rawParts as unknown[]) {
    const node = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
    const partNumber = count(node, 'PartNumber');
    const etag = text(node, 'ETag');
    const size = count(node, 'Size');
    if (partNumber === undefined || etag === undefined || size === undefined) return undefined;
    parts.push({ partNumber, etag: unquoteEtag(etag), size });
  }
  return {
    parts,
    isTruncated: text(result, 'IsTruncated')?.toLowerCase() === 'true',
    nextMarker: count(result, 'NextPartNumberMarker'),
  };
}

/** One upload in progress, as ListMultipartUploads lists it. */
export interface ListedUpload {
  readonly key: string;
  readonly uploadId: string;
  /** When it was initiated (ISO 8601, UTC). */
  readonly initiatedAt: string;
}

/** One page of a ListMultipartUploads answer. */
export interface ListUploadsPage {
  readonly uploads: readonly ListedUpload[];
  readonly isTruncated: boolean;
  readonly nextKeyMarker: string;
  readonly nextUploadIdMarker: string;
}

/**
 * Decodes a value of an `encoding-type=url` answer, which keys and markers come in when asked (so any key
 * survives XML 1.0); S3 may write a space as `+`, a literal `+` always comes as `%2B`.
 */
function urlDecoded(value: string, encoded: boolean): string | undefined {
  if (!encoded) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Parses a `<ListMultipartUploadsResult>` page; undefined when the body is not one or an upload is malformed. */
export function parseListUploadsPage(body: string): ListUploadsPage | undefined {
  const result = element(parse(body), 'ListMultipartUploadsResult');
  if (result === undefined) return undefined;
  const encoded = text(result, 'EncodingType')?.toLowerCase() === 'url';
  const rawUploads = result['Upload'] ?? [];
  if (!Array.isArray(rawUploads)) return undefined;
  const uploads: ListedUpload[] = [];
  for (const raw of rawUploads as unknown[]) {
    const node = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : undefined;
    const key = urlDecoded(text(node, 'Key') ?? '', encoded);
    const uploadId = text(node, 'UploadId');
    const initiated = Date.parse(text(node, 'Initiated') ?? '');
    if (key === undefined || key === '' || uploadId === undefined || uploadId === '' || Number.isNaN(initiated)) return undefined;
    uploads.push({ key, uploadId, initiatedAt: new Date(initiated).toISOString() });
  }
  const nextKeyMarker = urlDecoded(text(result, 'NextKeyMarker') ?? '', encoded);
  if (nextKeyMarker === undefined) return undefined;
  return {
    uploads,
    isTruncated: text(result, 'IsTruncated')?.toLowerCase() === 'true',
    nextKeyMarker,
    nextUploadIdMarker: text(result, 'NextUploadIdMarker') ?? '',
  };
}

/** `<CompleteMultipartUploadResult><ETag>` (unquoted) of a complete answer; undefined when the body is not one. */
export function parseCompleteResult(body: string): { readonly etag: string | undefined } | undefined {
  const result = element(parse(body), 'CompleteMultipartUploadResult');
  if (result === undefined) return undefined;
  const etag = text(result, 'ETag');
  return { etag: etag === undefined || etag === '' ? undefined : unquoteEtag(etag) };
}

/** Escapes element text. Quotes stay raw, as the SDKs send them (`<ETag>"…"</ETag>`). */
function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The CompleteMultipartUpload body: every part in ascending part number (OSS and S3 refuse another order),
 * ETags quoted as the servers send them.
 */
export function buildCompleteXml(parts: readonly { readonly partNumber: number; readonly etag: string }[]): string {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const items = sorted.map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>${escapeXml(`"${unquoteEtag(p.etag)}"`)}</ETag></Part>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload>${items.join('')}</CompleteMultipartUpload>`;
}
