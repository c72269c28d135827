/**
 * The `<ListBucketResult>` bodies of ListObjects (v1) and ListObjectsV2, and the
 * `<ListMultipartUploadsResult>` of ListMultipartUploads, in OSS's element order.
 */
import { encodeContinuationToken, type ListEntry, type ListPage, type ListRequest } from './list-objects.js';
import type { ListUploadsPage, ListUploadsRequest } from './list-uploads.js';
import { buildXml, encodeXmlKey, type XmlNode } from './oss-xml.js';

/** The owner every local object reports. */
const OWNER: XmlNode = { ID: 'local', DisplayName: 'local' };

/** Renders one listing page for `bucket` as v1 or v2, following `request.version`. */
export function listBucketResultXml(bucket: string, request: ListRequest, page: ListPage): string {
  const enc = (value: string): string => (request.encodeUrl ? encodeXmlKey(value) : value);
  const contents = page.contents.map((e) => contentsNode(e, enc, request.version === 1 || request.fetchOwner));
  const prefixes = page.commonPrefixes.map((p) => ({ Prefix: enc(p) }));
  if (request.version === 1) {
    return buildXml({
      ListBucketResult: {
        Name: bucket,
        Prefix: enc(request.prefix),
        Marker: enc(request.marker),
        MaxKeys: request.maxKeys,
        Delimiter: enc(request.delimiter),
        EncodingType: request.encodeUrl ? 'url' : undefined,
        IsTruncated: page.isTruncated,
        NextMarker: page.next === undefined ? undefined : enc(page.next),
        Contents: contents,
        CommonPrefixes: prefixes,
      },
    });
  }
  return buildXml({
    ListBucketResult: {
      Name: bucket,
      Prefix: enc(request.prefix),
      StartAfter: request.startAfter === '' ? undefined : enc(request.startAfter),
      ContinuationToken: request.continuationToken,
      MaxKeys: request.maxKeys,
      Delimiter: enc(request.delimiter),
      EncodingType: request.encodeUrl ? 'url' : undefined,
      IsTruncated: page.isTruncated,
      NextContinuationToken: page.next === undefined ? undefined : encodeContinuationToken(page.next),
      KeyCount: page.contents.length + page.commonPrefixes.length,
      Contents: contents,
      CommonPrefixes: prefixes,
    },
  });
}

function contentsNode(entry: ListEntry, enc: (value: string) => string, withOwner: boolean): XmlNode {
  return {
    Key: enc(entry.key),
    LastModified: new Date(entry.lastModified).toISOString(),
    ETag: entry.etag,
    Type: entry.type,
    Size: entry.size,
    StorageClass: 'Standard',
    Owner: withOwner ? OWNER : undefined,
  };
}

/** Renders one page of uploads in progress for `bucket`. */
export function listUploadsResultXml(bucket: string, request: ListUploadsRequest, page: ListUploadsPage): string {
  const enc = (value: string): string => (request.encodeUrl ? encodeXmlKey(value) : value);
  return buildXml({
    ListMultipartUploadsResult: {
      Bucket: bucket,
      EncodingType: request.encodeUrl ? 'url' : undefined,
      KeyMarker: enc(request.keyMarker),
      UploadIdMarker: request.uploadIdMarker,
      NextKeyMarker: enc(page.next?.keyMarker ?? ''),
      NextUploadIdMarker: page.next?.uploadIdMarker ?? '',
      Delimiter: enc(request.delimiter),
      Prefix: enc(request.prefix),
      MaxUploads: request.maxUploads,
      IsTruncated: page.isTruncated,
      Upload: page.uploads.map((upload) => ({
        Key: enc(upload.key),
        UploadId: upload.uploadId,
        StorageClass: 'Standard',
        Initiated: new Date(upload.initiated).toISOString(),
      })),
      CommonPrefixes: page.commonPrefixes.map((prefix) => ({ Prefix: enc(prefix) })),
    },
  });
}
