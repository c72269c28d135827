/**
 * The `<ListMultipartUploadsResult>` answer of OSS and S3, read with `encoding-type=url` asked for: keys and
 * markers come percent-encoded (so any key survives XML 1.0) and are decoded here.
 */
import { XMLParser } from 'fast-xml-parser';
import type { UnfinishedUpload } from './unfinished-types.js';

/** One page of the listing. */
export interface ListUploadsPage {
  readonly uploads: readonly UnfinishedUpload[];
  readonly isTruncated: boolean;
  readonly nextKeyMarker: string;
  readonly nextUploadIdMarker: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Upload ids and keys may look like numbers; they stay text.
  parseTagValue: false,
  // `<Upload>` repeats; one upload must still come out as a list.
  isArray: (name) => name === 'Upload',
});

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(node: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = node?.[name];
  if (value === '' || record(value) !== undefined) return '';
  return typeof value === 'string' ? value.trim() : undefined;
}

/** Decodes a url-encoded value (S3 may write a space as `+`; a literal `+` always comes as `%2B`). */
function decoded(value: string, encoded: boolean): string | undefined {
  if (!encoded) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Reads one page; undefined when the body is not a usable ListMultipartUploadsResult. */
export function parseListUploadsPage(body: string): ListUploadsPage | undefined {
  let tree: unknown;
  try {
    tree = parser.parse(body);
  } catch {
    return undefined;
  }
  const result = record(record(tree)?.['ListMultipartUploadsResult']);
  if (result === undefined) return undefined;
  const encoded = text(result, 'EncodingType')?.toLowerCase() === 'url';
  const rawUploads = result['Upload'] ?? [];
  if (!Array.isArray(rawUploads)) return undefined;
  const uploads: UnfinishedUpload[] = [];
  for (const raw of rawUploads as unknown[]) {
    const node = record(raw);
    const key = decoded(text(node, 'Key') ?? '', encoded);
    const uploadId = text(node, 'UploadId');
    const initiated = Date.parse(text(node, 'Initiated') ?? '');
    if (key === undefined || key === '' || uploadId === undefined || uploadId === '' || Number.isNaN(initiated)) return undefined;
    uploads.push({ key, uploadId, initiatedAt: new Date(initiated).toISOString() });
  }
  const nextKeyMarker = decoded(text(result, 'NextKeyMarker') ?? '', encoded);
  if (nextKeyMarker === undefined) return undefined;
  return {
    uploads,
    isTruncated: text(result, 'IsTruncated')?.toLowerCase() === 'true',
    nextKeyMarker,
    nextUploadIdMarker: text(result, 'NextUploadIdMarker') ?? '',
  };
}
