/**
 * Which operation a request asks for, from its method, bucket, key and sub-resources.
 */
import { headBucket, listBuckets, listObjects } from './bucket-handlers.js';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  initiateMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
} from './multipart-handlers.js';
import { deleteObject, getObject, putObject } from './object-handlers.js';
import { ossError } from './oss-errors.js';
import type { RequestContext } from './request-context.js';
import type { RequestTarget } from './request-target.js';
import { checkObjectKey, isValidBucketName } from './storage-layout.js';

/** The operations the local bucket implements. */
export type OperationName =
  | 'ListBuckets'
  | 'ListObjects'
  | 'HeadBucket'
  | 'PutObject'
  | 'GetObject'
  | 'HeadObject'
  | 'DeleteObject'
  | 'InitiateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'ListParts'
  | 'ListMultipartUploads';

/** A routed request: the operation and the handler that runs it. */
export interface Route {
  readonly operation: OperationName;
  readonly run: (ctx: RequestContext) => Promise<void>;
}

/**
 * OSS sub-resources the local bucket does not implement: a request naming one gets NotImplemented rather
 * than being mistaken for a plain object or bucket operation.
 */
const UNSUPPORTED_SUBRESOURCES: ReadonlySet<string> = new Set([
  'acl', 'tagging', 'symlink', 'append', 'position', 'restore', 'cors', 'lifecycle', 'logging', 'website',
  'referer', 'versioning', 'versions', 'versionId', 'policy', 'encryption', 'delete', 'location', 'stat',
  'bucketInfo', 'objectMeta', 'x-oss-process', 'qos', 'worm', 'replication', 'inventory', 'callback',
]);

/** Picks the operation for `method` on `target`. Throws the OSS error a request that fits none gets. */
export function route(method: string, target: RequestTarget): Route {
  const has = (name: string): boolean => target.query.some((q) => q.name === name);
  // An upload callback is served on PutObject (upload-callback-config.ts); anywhere else it is not.
  const isPutObject = method === 'PUT' && target.key !== undefined && !has('partNumber') && !has('uploadId');
  const unsupported = target.query.find((q) => UNSUPPORTED_SUBRESOURCES.has(q.name) && !(isPutObject && q.name === 'callback'));
  if (unsupported !== undefined) {
    throw ossError('NotImplemented', `The "${unsupported.name}" sub-resource is not supported by the local bucket.`);
  }

  if (target.bucket === undefined) {
    if (method === 'GET') return { operation: 'ListBuckets', run: listBuckets };
    throw methodNotAllowed(method, 'Service');
  }
  if (!isValidBucketName(target.bucket)) {
    throw ossError('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: target.bucket });
  }

  if (target.key === undefined) {
    if (method === 'GET' && has('uploads')) return { operation: 'ListMultipartUploads', run: listMultipartUploads };
    if (method === 'GET') return { operation: 'ListObjects', run: listObjects };
    if (method === 'HEAD') return { operation: 'HeadBucket', run: headBucket };
    if (method === 'PUT' || method === 'DELETE') {
      throw ossError('NotImplemented', 'Buckets are created with the --bucket option of the local bucket.');
    }
    throw methodNotAllowed(method, 'Bucket');
  }

  checkObjectKey(target.key);
  const uploadId = has('uploadId');
  switch (method) {
    case 'PUT':
      if (has('partNumber') || uploadId) {
        if (!(has('partNumber') && uploadId)) {
          throw ossError('InvalidArgument', 'UploadPart needs both partNumber and uploadId.');
        }
        return { operation: 'UploadPart', run: uploadPart };
      }
      return { operation: 'PutObject', run: putObject };
    case 'GET':
      return uploadId ? { operation: 'ListParts', run: listParts } : { operation: 'GetObject', run: (ctx) => getObject(ctx, false) };
    case 'HEAD':
      return { operation: 'HeadObject', run: (ctx) => getObject(ctx, true) };
    case 'DELETE':
      return uploadId ? { operation: 'AbortMultipartUpload', run: abortMultipartUpload } : { operation: 'DeleteObject', run: deleteObject };
    case 'POST':
      if (has('uploads')) return { operation: 'InitiateMultipartUpload', run: initiateMultipartUpload };
      if (uploadId) return { operation: 'CompleteMultipartUpload', run: completeMultipartUpload };
      throw ossError('NotImplemented', 'PostObject (form upload) is not supported by the local bucket.');
    default:
      throw methodNotAllowed(method, 'Object');
  }
}

function methodNotAllowed(method: string, resourceType: string): Error {
  return ossError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
    Method: method,
    ResourceType: resourceType,
  });
}
