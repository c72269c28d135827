/**
 * Reading a byte range of a completed multipart object, whose bytes are spread over its part files
 * (object-file.ts `manifest`): the range is mapped onto the parts it covers and each is streamed in turn,
 * one open file at a time, with backpressure.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ObjectManifest } from './object-file.js';

/** One piece of a range: bytes `[start, end]` (inclusive) of part `partNumber`. */
export interface PartSlice {
  readonly partNumber: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The slices of the parts that make up bytes `[start, end]` (inclusive) of the object, in order. Empty
 * when the range is empty (`end < start`).
 */
export function sliceParts(parts: ObjectManifest['parts'], start: number, end: number): PartSlice[] {
  const slices: PartSlice[] = [];
  if (end < start) return slices;
  let offset = 0;
  for (const [partNumber, size] of parts) {
    const partEnd = offset + size - 1;
    if (size > 0 && partEnd >= start && offset <= end) {
      slices.push({ partNumber, start: Math.max(start, offset) - offset, end: Math.min(end, partEnd) - offset });
    }
    offset += size;
    if (offset > end) break;
  }
  return slices;
}

/**
 * Streams bytes `[start, end]` of the object from its part files (`partPath` names them). The stream
 * fails (so the answer is cut, never silently short) when a part file is missing or shorter than listed.
 * `onClose` runs once when the stream ends, fails or is destroyed.
 */
export function manifestStream(
  parts: ObjectManifest['parts'],
  partPath: (partNumber: number) => string,
  start: number,
  end: number,
  onClose: () => void,
): Readable {
  let closed = false;
  const closeOnce = (): void => {
    if (closed) return;
    closed = true;
    onClose();
  };
  async function* bytes(): AsyncGenerator<Buffer> {
    try {
      for (const slice of sliceParts(parts, start, end)) {
        let got = 0;
        for await (const chunk of createReadStream(partPath(slice.partNumber), { start: slice.start, end: slice.end }) as AsyncIterable<Buffer>) {
          got += chunk.length;
          yield chunk;
        }
        if (got !== slice.end - slice.start + 1) throw new Error(`Part ${slice.partNumber} of a multipart object is shorter than its manifest says.`);
      }
    } finally {
      closeOnce();
    }
  }
  const stream = Readable.from(bytes(), { objectMode: false });
  // A stream destroyed before it was first read never runs the generator, so its finally never runs.
  stream.once('close', closeOnce);
  return stream;
}
