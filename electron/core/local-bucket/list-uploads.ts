/**
 * ListMultipartUploads (`GET /?uploads`): the uploads in progress, pure and independent of storage, so a
 * client can find and abort the ones it lost track of (parts of an abandoned upload are stored, and billed
 * on OSS, until someone aborts it).
 *
 * Uploads sort by key (UTF-8 bytes, as objects do), then by upload id, so `key-marker` plus
 * `upload-id-marker` always resume exactly where a page ended. With a delimiter, keys roll up into common
 * prefixes as in ListObjects, each counting once toward max-uploads.
 */
import type { QueryParam } from '../../shared/signing.js';
import { compareKeys, queryReader, rollUp, wantsUrlEncoding } from './list-objects.js';
import { ossError } from './oss-errors.js';
import { MAX_UPLOADS_PER_LIST } from './oss-limits.js';

/** One upload in progress. */
export interface UploadEntry {
  readonly key: string;
  readonly uploadId: string;
  /** When it was initiated (epoch ms). */
  readonly initiated: number;
}

/** A ListMultipartUploads request, after its parameters have been checked. */
export interface ListUploadsRequest {
  readonly prefix: string;
  readonly delimiter: string;
  readonly keyMarker: string;
  /** Only with a key marker: uploads of that very key after this id are still listed. */
  readonly uploadIdMarker: string;
  readonly maxUploads: number;
  readonly encodeUrl: boolean;
}

/** One page of uploads. */
export interface ListUploadsPage {
  readonly uploads: readonly UploadEntry[];
  readonly commonPrefixes: readonly string[];
  readonly isTruncated: boolean;
  /** Where the next page starts (the last upload or common prefix of this one), when truncated. */
  readonly next?: { readonly keyMarker: string; readonly uploadIdMarker: string };
}

/** Reads the parameters from the query. Throws InvalidArgument on bad values. */
export function parseListUploadsRequest(query: readonly QueryParam[]): ListUploadsRequest {
  const get = queryReader(query);
  const encodeUrl = wantsUrlEncoding(get);
  const maxText = get('max-uploads');
  let maxUploads = MAX_UPLOADS_PER_LIST;
  if (maxText !== undefined) {
    if (!/^[0-9]{1,7}$/.test(maxText) || Number(maxText) < 1 || Number(maxText) > MAX_UPLOADS_PER_LIST) {
      throw invalidArgument('max-uploads', maxText, `max-uploads must be an integer between 1 and ${MAX_UPLOADS_PER_LIST}.`);
    }
    maxUploads = Number(maxText);
  }
  const keyMarker = get('key-marker') ?? '';
  return {
    prefix: get('prefix') ?? '',
    delimiter: get('delimiter') ?? '',
    keyMarker,
    // As on S3 and OSS: an upload-id-marker without a key-marker is ignored.
    uploadIdMarker: keyMarker === '' ? '' : (get('upload-id-marker') ?? ''),
    maxUploads,
    encodeUrl,
  };
}

/** Computes one page over `entries` (in any order). */
export function listUploadsPage(entries: readonly UploadEntry[], request: ListUploadsRequest): ListUploadsPage {
  const sorted = entries
    .filter((e) => e.key.startsWith(request.prefix) && isAfterMarkers(e, request))
    .sort((a, b) => compareKeys(a.key, b.key) || (a.uploadId < b.uploadId ? -1 : a.uploadId > b.uploadId ? 1 : 0));
  const uploads: UploadEntry[] = [];
  const commonPrefixes: string[] = [];
  let next: ListUploadsPage['next'];
  let lastPrefix: string | undefined;
  for (const entry of sorted) {
    const rolled = rollUp(entry.key, request.prefix, request.delimiter);
    // A common prefix at or before the key marker was on an earlier page.
    if (rolled !== undefined && (rolled === lastPrefix || compareKeys(rolled, request.keyMarker) <= 0)) continue;
    if (uploads.length + commonPrefixes.length >= request.maxUploads) {
      return { uploads, commonPrefixes, isTruncated: true, ...(next === undefined ? {} : { next }) };
    }
    if (rolled !== undefined) {
      commonPrefixes.push(rolled);
      lastPrefix = rolled;
      next = { keyMarker: rolled, uploadIdMarker: '' };
    } else {
      uploads.push(entry);
      next = { keyMarker: entry.key, uploadIdMarker: entry.uploadId };
    }
  }
  return { uploads, commonPrefixes, isTruncated: false };
}

function isAfterMarkers(entry: UploadEntry, request: ListUploadsRequest): boolean {
  const order = compareKeys(entry.key, request.keyMarker);
  if (order !== 0) return order > 0;
  return request.uploadIdMarker !== '' && entry.uploadId > request.uploadIdMarker;
}

function invalidArgument(name: string, value: string, message: string): Error {
  return ossError('InvalidArgument', message, { ArgumentName: name, ArgumentValue: value });
}
