/**
 * XML bodies the local bucket sends, in OSS's shapes (element names and order as OSS documents them).
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { OssErrorResponse } from './oss-errors.js';

/** An XML element tree as fast-xml-parser builds it: element name → text, number, boolean, subtree or list. */
export type XmlNode = { readonly [name: string]: XmlValue };
/** One element's content. Arrays repeat the element; undefined leaves it out. */
export type XmlValue = string | number | boolean | XmlNode | readonly XmlNode[] | readonly string[] | undefined;

/**
 * Text is escaped by hand: only `&`, `<` and `>` need it in element content, and OSS sends quotes raw
 * (`<ETag>"5EB6..."</ETag>`), which the builder's own escaping would turn into `&quot;`.
 */
const builder = new XMLBuilder({
  format: false,
  suppressEmptyNode: false,
  processEntities: false,
  tagValueProcessor: (_name, value) => (typeof value === 'string' ? escapeText(value) : value),
});

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The XML declaration every OSS body starts with. */
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Serialises `root` (one top-level element) with the XML declaration. Undefined members are omitted. */
export function buildXml(root: XmlNode): string {
  return DECLARATION + String(builder.build(dropUndefined(root)));
}

function dropUndefined(node: XmlNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      out[name] = value.map((item: unknown) => (typeof item === 'object' && item !== null ? dropUndefined(item as XmlNode) : item));
    } else if (typeof value === 'object') {
      out[name] = dropUndefined(value as XmlNode);
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** The `<Error>` body: Code, Message, RequestId, HostId, then any extra fields and EC. */
export function errorXml(error: OssErrorResponse, requestId: string, hostId: string): string {
  const extra: Record<string, string> = { ...(error.details ?? {}) };
  return buildXml({
    Error: {
      Code: error.code,
      Message: error.message,
      RequestId: requestId,
      HostId: hostId,
      ...extra,
      EC: error.ec,
    },
  });
}

/** InitiateMultipartUpload's answer. */
export function initiateMultipartXml(bucket: string, key: string, uploadId: string, encodeUrl: boolean): string {
  return buildXml({
    InitiateMultipartUploadResult: {
      Bucket: bucket,
      Key: encodeUrl ? encodeXmlKey(key) : key,
      UploadId: uploadId,
      EncodingType: encodeUrl ? 'url' : undefined,
    },
  });
}

/** CompleteMultipartUpload's answer. */
export function completeMultipartXml(
  location: string,
  bucket: string,
  key: string,
  etag: string,
  encodeUrl: boolean,
): string {
  return buildXml({
    CompleteMultipartUploadResult: {
      EncodingType: encodeUrl ? 'url' : undefined,
      Location: location,
      Bucket: bucket,
      Key: encodeUrl ? encodeXmlKey(key) : key,
      ETag: etag,
    },
  });
}

/** One part in a ListParts answer. */
export interface ListedPart {
  readonly partNumber: number;
  readonly lastModified: number;
  readonly etag: string;
  readonly crc64: string;
  readonly size: number;
}

/** ListParts' answer. */
export function listPartsXml(input: {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  readonly partNumberMarker: number;
  readonly nextPartNumberMarker: number;
  readonly maxParts: number;
  readonly isTruncated: boolean;
  readonly parts: readonly ListedPart[];
  readonly encodeUrl: boolean;
}): string {
  return buildXml({
    ListPartsResult: {
      Bucket: input.bucket,
      EncodingType: input.encodeUrl ? 'url' : undefined,
      Key: input.encodeUrl ? encodeXmlKey(input.key) : input.key,
      UploadId: input.uploadId,
      StorageClass: 'Standard',
      PartNumberMarker: input.partNumberMarker,
      NextPartNumberMarker: input.nextPartNumberMarker,
      MaxParts: input.maxParts,
      IsTruncated: input.isTruncated,
      Part: input.parts.map((p) => ({
        PartNumber: p.partNumber,
        LastModified: new Date(p.lastModified).toISOString(),
        ETag: p.etag,
        HashCrc64ecma: p.crc64,
        Size: p.size,
      })),
    },
  });
}

/** ListBuckets' answer (`GET /`). */
export function listBucketsXml(buckets: readonly { name: string; createdAt: number }[], region: string): string {
  return buildXml({
    ListAllMyBucketsResult: {
      Owner: { ID: 'local', DisplayName: 'local' },
      Buckets: {
        Bucket: buckets.map((b) => ({
          Name: b.name,
          CreationDate: new Date(b.createdAt).toISOString(),
          Location: `oss-${region}`,
          Region: region,
          StorageClass: 'Standard',
        })),
      },
    },
  });
}

/**
 * Encodes a key (or prefix, marker, delimiter) for `encoding-type=url` answers. Every byte outside the
 * unreserved set is `%XX`, so control characters XML 1.0 cannot carry survive (decode with
 * decodeURIComponent).
 */
export function encodeXmlKey(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
