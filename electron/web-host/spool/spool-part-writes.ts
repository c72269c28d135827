/**
 * Writing one file part of a spool request to disk. The part is always read to its end, whatever happens
 * to the write: the multipart parser waits for each part to be read before it goes on to the next, so a
 * part left unread (or destroyed) would stall the whole request. What did not fit is counted, not kept.
 */
import { open, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ErrorInfo } from '../../shared/errors.js';

/** A part that held more or fewer bytes than the manifest announced. */
export class WrongSize extends Error {
  readonly received: number;
  readonly announced: number;
  constructor(received: number, announced: number) {
    super(`${received} of ${announced} bytes`);
    this.received = received;
    this.announced = announced;
  }
}

/** Files are created only if absent (never over another), readable by the user alone. */
const CREATE_FLAGS = 'wx';
const FILE_MODE = 0o600;

/** Reads a part of `size` bytes into memory (for small files); rejects with {@link WrongSize} for any other length. */
export function collectPart(body: Readable, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= size) chunks.push(chunk);
    });
    body.once('end', () => (received === size ? resolve(Buffer.concat(chunks, size)) : reject(new WrongSize(received, size))));
    body.once('error', reject);
  });
}

/** Writes a part collected by {@link collectPart} as a new file. */
export function writeCollected(target: string, bytes: Buffer): Promise<void> {
  return writeFile(target, bytes, { flag: CREATE_FLAGS, mode: FILE_MODE });
}

/**
 * Streams a part of `size` bytes into a new file `target` (for large files), one chunk at a time. Rejects
 * with {@link WrongSize} for any other length (bytes past `size` are not written), or with the write's
 * error; the caller deletes the file. Rejects with the open's error (EEXIST included) before creating anything.
 */
export async function streamPart(body: Readable, target: string, size: number): Promise<void> {
  const handle = await open(target, CREATE_FLAGS, FILE_MODE);
  let received = 0;
  let failure: unknown;
  try {
    await new Promise<void>((resolve, reject) => {
      body.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (failure !== undefined || received > size) return;
        body.pause();
        handle.writeFile(chunk).then(
          () => body.resume(),
          (error: unknown) => {
            failure = error;
            body.resume();
          },
        );
      });
      body.once('end', resolve);
      body.once('error', reject);
    });
  } finally {
    await handle.close();
  }
  if (failure !== undefined) throw failure;
  if (received !== size) throw new WrongSize(received, size);
}

/** The per-file answer for a part that could not be written, from what was thrown. */
export function writeFailure(error: unknown): ErrorInfo {
  if (error instanceof WrongSize) {
    return {
      code: 'file-unreadable',
      message: `The file did not arrive whole (${error.received} of ${error.announced} bytes).`,
      hint: 'Drop it again; if it keeps failing, check that the file can be read.',
    };
  }
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'EEXIST') {
    return {
      code: 'invalid-argument',
      message: 'Another dropped file has the same path apart from upper and lower case, which this disk does not tell apart.',
      hint: 'Rename one of the two and drop it again.',
    };
  }
  if (errno === 'ENOSPC' || errno === 'EDQUOT') {
    return {
      code: 'file-too-large',
      message: 'The disk of the Dropsign data folder is full.',
      hint: 'Free some space on it, or upload with `dropsign upload PATH`, which reads files in place.',
    };
  }
  return {
    code: 'file-unreadable',
    message: `The file could not be written into browser mode's spool (${errno ?? 'the transfer broke off'}).`,
    hint: 'Drop it again; if it keeps failing, check the disk of the Dropsign data folder.',
  };
}
