/**
 * A fake ObjectApi: a tiny in-memory bucket (objects, multipart uploads and their parts) behind the
 * contract, where every call signs its request (so tests can inspect signed URLs), is recorded, and can be
 * scripted (succeed, fail with an AttemptFailure, or anything else), or held until released.
 */
import type { PresignResult } from '../../../../../electron/shared/signing.js';
import type { AttemptFailure } from '../../../../../electron/core/transfer/attempt-failure.js';
import type {
  AttemptOptions,
  AttemptResult,
  FileRange,
  HeadResult,
  ListedPart,
  ObjectApi,
  SignFn,
  SignRequest,
  UploadedPiece,
} from '../../../../../electron/core/transfer/object-api.js';

/** The operations. */
export type Op = 'putObject' | 'headObject' | 'initiateMultipart' | 'uploadPart' | 'completeMultipart' | 'abortMultipart' | 'listParts';

/** One recorded call. */
export interface FakeCall {
  readonly op: Op;
  readonly key: string;
  readonly uploadId?: string;
  readonly partNumber?: number;
  readonly range?: FileRange;
  readonly headers?: Readonly<Record<string, string>>;
  readonly parts?: readonly { readonly partNumber: number; readonly etag: string }[];
  readonly expectedCrc64?: string;
  readonly signed: PresignResult;
  readonly options: AttemptOptions;
}

/** What a script returns: a result, or undefined to let the fake bucket answer. */
export type Script = (call: FakeCall) => AttemptResult<unknown> | undefined | Promise<AttemptResult<unknown> | undefined>;

/** A failed result. */
export function failWith(failure: AttemptFailure): AttemptResult<never> {
  return { ok: false, failure };
}

/** HTTP date of `ms`, as a server's `Date` header. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

const ABORTED = failWith({ kind: 'network', code: 'ABORT_ERR' });

interface Held {
  readonly call: FakeCall;
  readonly release: () => void;
}

/** See the module comment. */
export class FakeObjectApi implements ObjectApi {
  readonly calls: FakeCall[] = [];
  readonly objects = new Map<string, { size: number; etag: string; headers: Readonly<Record<string, string>> }>();
  readonly uploads = new Map<string, { key: string; headers: Readonly<Record<string, string>>; parts: Map<number, { etag: string; size: number }> }>();
  readonly inFlight = new Map<Op, number>();
  readonly maxInFlight = new Map<Op, number>();
  readonly #once = new Map<Op, Script[]>();
  readonly #always = new Map<Op, Script>();
  /** Ops held after how many calls pass. */
  readonly #holds = new Map<Op, number>();
  readonly #held: Held[] = [];
  readonly #counts = new Map<Op, number>();
  #counter = 0;
  closed = false;

  /** Scripts the next calls of `op`, one script each. */
  once(op: Op, ...scripts: Script[]): this {
    this.#once.set(op, [...(this.#once.get(op) ?? []), ...scripts]);
    return this;
  }

  /** Scripts every call of `op` (after any `once` scripts). */
  always(op: Op, script: Script): this {
    this.#always.set(op, script);
    return this;
  }

  /** Holds calls of `op` (after the first `after` of them) until released or aborted. */
  hold(op: Op, after = 0): this {
    this.#holds.set(op, this.count(op) + after);
    return this;
  }

  /** Stops holding `op` (all ops when omitted) and lets held calls go on. */
  release(op?: Op): void {
    if (op === undefined) this.#holds.clear();
    else this.#holds.delete(op);
    for (const held of this.#held.filter((entry) => op === undefined || entry.call.op === op)) {
      this.#held.splice(this.#held.indexOf(held), 1);
      held.release();
    }
  }

  /** Lets the oldest held call go on (the hold stays for later calls). */
  releaseOne(op: Op): boolean {
    const held = this.#held.find((entry) => entry.call.op === op);
    if (held === undefined) return false;
    this.#held.splice(this.#held.indexOf(held), 1);
    held.release();
    return true;
  }

  /** Calls held right now. */
  heldCalls(op?: Op): FakeCall[] {
    return this.#held.filter((entry) => op === undefined || entry.call.op === op).map((entry) => entry.call);
  }

  /** Calls of `op` so far (since the last {@link FakeObjectApi.clearCalls}). */
  count(op: Op): number {
    return this.#counts.get(op) ?? 0;
  }

  /** Recorded calls of `op`. */
  callsOf(op: Op): FakeCall[] {
    return this.calls.filter((call) => call.op === op);
  }

  async #run<T>(op: Op, request: SignRequest, sign: SignFn, options: AttemptOptions, fields: Omit<FakeCall, 'op' | 'signed' | 'options'>, answer: () => AttemptResult<T>): Promise<AttemptResult<T>> {
    const call: FakeCall = { op, ...fields, signed: sign(request), options };
    const heldAfter = this.#holds.get(op);
    this.calls.push(call);
    const index = this.count(op) + 1;
    this.#counts.set(op, index);
    const flying = (this.inFlight.get(op) ?? 0) + 1;
    this.inFlight.set(op, flying);
    this.maxInFlight.set(op, Math.max(this.maxInFlight.get(op) ?? 0, flying));
    try {
      await Promise.resolve();
      if (heldAfter !== undefined && index > heldAfter) {
        await new Promise<void>((resolve) => {
          const entry: Held = { call, release: resolve };
          this.#held.push(entry);
          options.signal.addEventListener('abort', () => {
            const index = this.#held.indexOf(entry);
            if (index >= 0) this.#held.splice(index, 1);
            resolve();
          }, { once: true });
        });
      }
      if (options.signal.aborted) return ABORTED;
      const script = this.#once.get(op)?.shift() ?? this.#always.get(op);
      const scripted = script === undefined ? undefined : await script(call);
      if (options.signal.aborted) return ABORTED;
      return (scripted as AttemptResult<T> | undefined) ?? answer();
    } finally {
      this.inFlight.set(op, (this.inFlight.get(op) ?? 1) - 1);
    }
  }

  putObject(sign: SignFn, key: string, range: FileRange, headers: Readonly<Record<string, string>>, options: AttemptOptions): Promise<AttemptResult<UploadedPiece>> {
    return this.#run<UploadedPiece>('putObject', { method: 'PUT', key, headers }, sign, options, { key, range, headers }, () => {
      const size = range.end - range.start;
      options.onProgress?.(size);
      const etag = `etag-${++this.#counter}`;
      if (headers['x-oss-forbid-overwrite'] === 'true' && this.objects.has(key)) {
        return failWith({ kind: 'http', status: 409, ossCode: 'FileAlreadyExists', requestId: 'REQ-EXISTS' });
      }
      this.objects.set(key, { size, etag, headers });
      return { ok: true, value: { etag, crc64: String(size), size } };
    });
  }

  headObject(sign: SignFn, key: string, options: AttemptOptions): Promise<AttemptResult<HeadResult>> {
    return this.#run<HeadResult>('headObject', { method: 'HEAD', key }, sign, options, { key }, () => {
      const object = this.objects.get(key);
      return { ok: true, value: object === undefined ? { exists: false } : { exists: true, size: object.size, etag: object.etag } };
    });
  }

  initiateMultipart(sign: SignFn, key: string, headers: Readonly<Record<string, string>>, options: AttemptOptions): Promise<AttemptResult<{ readonly uploadId: string }>> {
    return this.#run<{ readonly uploadId: string }>('initiateMultipart', { method: 'POST', key, headers, query: [{ name: 'uploads' }] }, sign, options, { key, headers }, () => {
      const uploadId = `upload-${++this.#counter}`;
      this.uploads.set(uploadId, { key, headers, parts: new Map() });
      return { ok: true, value: { uploadId } };
    });
  }

  uploadPart(sign: SignFn, key: string, uploadId: string, partNumber: number, range: FileRange, options: AttemptOptions): Promise<AttemptResult<UploadedPiece>> {
    const query = [{ name: 'partNumber', value: String(partNumber) }, { name: 'uploadId', value: uploadId }];
    return this.#run<UploadedPiece>('uploadPart', { method: 'PUT', key, query }, sign, options, { key, uploadId, partNumber, range }, () => {
      const upload = this.uploads.get(uploadId);
      if (upload === undefined) return failWith({ kind: 'http', status: 404, ossCode: 'NoSuchUpload' });
      const size = range.end - range.start;
      options.onProgress?.(size);
      const etag = `part-${partNumber}-${++this.#counter}`;
      upload.parts.set(partNumber, { etag, size });
      // A CRC-64 the combine arithmetic accepts; the fake bucket echoes the combination back on completion.
      return { ok: true, value: { etag, crc64: String(partNumber * 1000 + size), size } };
    });
  }

  completeMultipart(
    sign: SignFn,
    key: string,
    uploadId: string,
    parts: readonly { readonly partNumber: number; readonly etag: string }[],
    expectedCrc64: string,
    headers: Readonly<Record<string, string>>,
    options: AttemptOptions,
  ): Promise<AttemptResult<{ readonly etag: string; readonly crc64?: string }>> {
    return this.#run<{ readonly etag: string; readonly crc64?: string }>('completeMultipart', { method: 'POST', key, headers, query: [{ name: 'uploadId', value: uploadId }] }, sign, options, { key, uploadId, parts, expectedCrc64, headers }, () => {
      const upload = this.uploads.get(uploadId);
      if (upload === undefined) return failWith({ kind: 'http', status: 404, ossCode: 'NoSuchUpload' });
      let size = 0;
      for (const part of parts) {
        const stored = upload.parts.get(part.partNumber);
        if (stored === undefined || stored.etag !== part.etag) return failWith({ kind: 'http', status: 400, ossCode: 'InvalidPart' });
        size += stored.size;
      }
      this.uploads.delete(uploadId);
      const etag = `multipart-${++this.#counter}`;
      this.objects.set(key, { size, etag, headers: upload.headers });
      return { ok: true, value: { etag, crc64: expectedCrc64 } };
    });
  }

  abortMultipart(sign: SignFn, key: string, uploadId: string, options: AttemptOptions): Promise<AttemptResult<void>> {
    return this.#run<void>('abortMultipart', { method: 'DELETE', key, query: [{ name: 'uploadId', value: uploadId }] }, sign, options, { key, uploadId }, () => {
      this.uploads.delete(uploadId);
      return { ok: true, value: undefined };
    });
  }

  listParts(sign: SignFn, key: string, uploadId: string, options: AttemptOptions): Promise<AttemptResult<readonly ListedPart[]>> {
    return this.#run<readonly ListedPart[]>('listParts', { method: 'GET', key, query: [{ name: 'uploadId', value: uploadId }] }, sign, options, { key, uploadId }, () => {
      const upload = this.uploads.get(uploadId);
      if (upload === undefined) return failWith({ kind: 'http', status: 404, ossCode: 'NoSuchUpload' });
      const listed = [...upload.parts].map(([partNumber, part]) => ({ partNumber, etag: part.etag, size: part.size }));
      return { ok: true, value: listed.sort((a, b) => a.partNumber - b.partNumber) };
    });
  }

  /** Forgets the calls made so far (the bucket's contents stay). */
  clearCalls(): void {
    this.calls.length = 0;
    this.#counts.clear();
  }

  close(): void {
    this.closed = true;
  }
}
