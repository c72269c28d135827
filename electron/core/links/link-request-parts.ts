/**
 * What a handed-out link binds besides its URL: for a PUT, the headers the uploader must send (a locked
 * Content-Type, the no-overwrite guard, the storage class, user metadata) and, on OSS, the upload
 * callback (a signed query parameter, link-callback.ts); for a GET, the query
 * parameters (version, image processing, the download's Content-Disposition). OSS names first, S3's
 * equivalents for S3-compatible profiles. A field that does not apply to the method or the store is
 * refused with `invalid-argument` naming it, never silently dropped.
 */
import { DropsignError } from '../../shared/errors.js';
import { OSS_STORAGE_CLASSES, S3_STORAGE_CLASSES, type LinkRequest } from '../../shared/ipc/link-types.js';
import type { QueryParam } from '../../shared/signing.js';
import { callbackQueryParam } from './link-callback.js';

/** The store dialect of the profile: which header names it reads. */
export type LinkStore = 'oss' | 's3';

/** The signed headers (lower-case names) and query parameters of a link. */
export interface LinkRequestParts {
  readonly headers: Readonly<Record<string, string>>;
  readonly query: readonly QueryParam[];
}

const PUT_ONLY = ['contentType', 'forbidOverwrite', 'storageClass', 'metadata', 'callback'] as const;
const GET_ONLY = ['versionId', 'process', 'responseContentDisposition'] as const;

function notFor(field: string, what: string, hint: string): DropsignError {
  return new DropsignError('invalid-argument', `The field ${field} does not apply to ${what}.`, hint, { field });
}

/** Refuses the fields of the other method. */
function checkFieldsFit(request: LinkRequest): void {
  const foreign = request.method === 'PUT' ? GET_ONLY : PUT_ONLY;
  for (const field of foreign) {
    if (request[field] !== undefined) {
      throw notFor(field, `${request.method} links`, request.method === 'PUT' ? 'It is for download (GET) links only.' : 'It is for upload (PUT) links only.');
    }
  }
}

function storageClassHeader(storageClass: string, store: LinkStore): Record<string, string> {
  const allowed: readonly string[] = store === 's3' ? S3_STORAGE_CLASSES : OSS_STORAGE_CLASSES;
  if (!allowed.includes(storageClass)) {
    throw new DropsignError(
      'invalid-argument',
      `The storage class ${JSON.stringify(storageClass)} is not one ${store === 's3' ? 'S3' : 'OSS'} knows.`,
      `Use one of: ${allowed.join(', ')}.`,
      { field: 'storageClass' },
    );
  }
  return { [store === 's3' ? 'x-amz-storage-class' : 'x-oss-storage-class']: storageClass };
}

function metadataHeaders(metadata: LinkRequest['metadata'], store: LinkStore): Record<string, string> {
  const headers: Record<string, string> = {};
  const prefix = store === 's3' ? 'x-amz-meta-' : 'x-oss-meta-';
  for (const { name, value } of metadata ?? []) {
    const header = `${prefix}${name.toLowerCase()}`;
    if (header in headers) {
      throw new DropsignError('invalid-argument', `The metadata name ${JSON.stringify(name)} is given twice.`, 'Give each metadata name once (names are case-insensitive).', {
        field: 'metadata',
      });
    }
    headers[header] = value;
  }
  return headers;
}

/** The headers and query of `request` for a profile on `store`. Throws `invalid-argument` naming the field. */
export function linkRequestParts(request: LinkRequest, store: LinkStore): LinkRequestParts {
  checkFieldsFit(request);
  if (request.method === 'GET') {
    if (request.process !== undefined && store === 's3') {
      throw notFor('process', 'S3-compatible stores', 'Image and document processing (x-oss-process) is an OSS feature; leave it out.');
    }
    const query: QueryParam[] = [];
    if (request.versionId !== undefined) query.push({ name: 'versionId', value: request.versionId });
    if (request.process !== undefined) query.push({ name: 'x-oss-process', value: request.process });
    if (request.responseContentDisposition !== undefined) query.push({ name: 'response-content-disposition', value: request.responseContentDisposition });
    return { headers: {}, query };
  }
  const headers: Record<string, string> = {
    ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }),
    ...(request.forbidOverwrite === true ? (store === 's3' ? { 'if-none-match': '*' } : { 'x-oss-forbid-overwrite': 'true' }) : {}),
    ...(request.storageClass === undefined ? {} : storageClassHeader(request.storageClass, store)),
    ...metadataHeaders(request.metadata, store),
  };
  if (request.callback === undefined) return { headers, query: [] };
  if (store === 's3') {
    throw notFor('callback', 'S3-compatible stores', 'An upload callback is an OSS feature; leave it out, or have your server watch the bucket instead.');
  }
  return { headers, query: [callbackQueryParam(request.callback)] };
}
