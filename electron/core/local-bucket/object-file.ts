/**
 * The on-disk format of objects and parts: the bytes, then a JSON metadata trailer, then an 8-byte footer.
 *
 * ```
 * [object bytes][metadata JSON, UTF-8]["DSB1"][JSON length, uint32 big-endian]
 * ```
 *
 * One file per object means one rename publishes bytes and metadata together: a reader sees the old object
 * or the new one, never a mix, and no sidecar can go missing. The bytes start at offset 0, so ranges are
 * plain offsets; listing reads only the trailer.
 *
 * A completed multipart object is the exception: as on OSS, completing does not copy the data. Its file
 * holds no bytes, only the trailer, whose `manifest` lists the parts (number and size, in object order)
 * that stay in their own files (multipart-data.ts). The one rename still publishes the whole object.
 */
import type { FileHandle } from 'node:fs/promises';
import { z } from 'zod';
import { MAX_PART_NUMBER } from './oss-limits.js';

/** Footer magic: "Dropsign Stored Bytes, format 1". */
const MAGIC = Buffer.from('DSB1', 'ascii');
/** Magic (4 bytes) + JSON length (uint32). */
const FOOTER_BYTES = 8;
/**
 * Why 1 MiB: metadata comes from request headers, which the server caps at 32 KiB; a longer trailer can
 * only be damage, and refusing it keeps a damaged file from costing memory.
 */
const MAX_TRAILER_JSON_BYTES = 1024 * 1024;

/** Metadata stored with an object. */
export const storedObjectSchema = z.object({
  format: z.literal(1),
  key: z.string(),
  size: z.number().int().nonnegative(),
  /** Quoted, upper-case hex: `"5EB63BBBE01EEED093CB22BB8F5ACDC3"` or `"...-3"` for multipart objects. */
  etag: z.string(),
  /** CRC-64/ECMA-182, decimal. */
  crc64: z.string(),
  /** Base64 MD5 of the whole object; only for objects uploaded in one piece. */
  contentMd5: z.string().optional(),
  type: z.enum(['Normal', 'Multipart']),
  lastModified: z.number(),
  contentType: z.string(),
  /** User metadata by lower-case name without the `x-oss-meta-` prefix. */
  meta: z.record(z.string(), z.string()),
  /** Stored standard headers (Cache-Control, Content-Disposition, ...) by lower-case name. */
  headers: z.record(z.string(), z.string()),
  /** Completed multipart objects only: where the bytes are (the file itself then holds none). */
  manifest: z
    .object({
      /** The upload whose parts these are: `multipart/<key hash>/<uploadId>/`. */
      uploadId: z.string(),
      /** `[partNumber, size]` in object order. Pairs, not objects: 10,000 parts stay ~150 KB of JSON. */
      parts: z.array(z.tuple([z.number().int().min(1).max(MAX_PART_NUMBER), z.number().int().nonnegative()])).min(1),
    })
    .optional(),
});

/** The part list of a completed multipart object. */
export type ObjectManifest = NonNullable<StoredObject['manifest']>;

/** Metadata stored with an object. */
export type StoredObject = z.infer<typeof storedObjectSchema>;

/** Metadata stored with one part of a multipart upload. */
export const storedPartSchema = z.object({
  format: z.literal(1),
  partNumber: z.number().int().min(1).max(MAX_PART_NUMBER),
  size: z.number().int().nonnegative(),
  /** Quoted upper-case hex MD5 of the part. */
  etag: z.string(),
  crc64: z.string(),
  lastModified: z.number(),
});

/** Metadata stored with one part of a multipart upload. */
export type StoredPart = z.infer<typeof storedPartSchema>;

/** The trailer (JSON + footer) to append after the bytes. */
export function encodeTrailer(metadata: StoredObject | StoredPart): Buffer {
  const json = Buffer.from(JSON.stringify(metadata), 'utf8');
  const footer = Buffer.alloc(FOOTER_BYTES);
  MAGIC.copy(footer, 0);
  footer.writeUInt32BE(json.length, 4);
  return Buffer.concat([json, footer]);
}

/** A file's metadata and where its bytes end. */
export interface TrailerRead<T> {
  readonly metadata: T;
  /** Number of object bytes (they run from offset 0). */
  readonly dataSize: number;
}

/** Reads and checks the trailer of an open object or part file. Throws when the file is damaged. */
export async function readTrailer<T>(file: FileHandle, schema: z.ZodType<T>): Promise<TrailerRead<T>> {
  const { size } = await file.stat();
  if (size < FOOTER_BYTES) throw new Error('Stored file is too short to hold a trailer.');
  const footer = Buffer.alloc(FOOTER_BYTES);
  await readExactly(file, footer, size - FOOTER_BYTES);
  if (!footer.subarray(0, 4).equals(MAGIC)) throw new Error('Stored file has no trailer.');
  const jsonLength = footer.readUInt32BE(4);
  if (jsonLength > MAX_TRAILER_JSON_BYTES || jsonLength > size - FOOTER_BYTES) {
    throw new Error('Stored file has a damaged trailer.');
  }
  const json = Buffer.alloc(jsonLength);
  const dataSize = size - FOOTER_BYTES - jsonLength;
  await readExactly(file, json, dataSize);
  const metadata = schema.parse(JSON.parse(json.toString('utf8')));
  const { size: declared, manifest } = metadata as { size?: unknown; manifest?: ObjectManifest };
  // A manifest object's bytes live in its part files: the file holds none, and the parts add up to the size.
  const held = manifest === undefined ? declared : manifest.parts.reduce((sum, [, partSize]) => sum + partSize, 0) === declared ? 0 : -1;
  if (held !== dataSize) throw new Error('Stored file size does not match its metadata.');
  return { metadata, dataSize };
}

async function readExactly(file: FileHandle, into: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await file.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) throw new Error('Stored file ended early.');
    done += bytesRead;
  }
}
