/**
 * Builds spool request bodies the way the page does (FormData, serialized by the platform's own
 * multipart encoder), with knobs to make them wrong: another announced size, other part names.
 */

/** One file of a request. */
export interface FormFile {
  readonly path: string;
  readonly body: Buffer | string;
  /** What the manifest announces; default the body's length. */
  readonly announced?: number;
}

/** How to build the body. */
export interface FormOptions {
  /** The manifest field's text; default the files' paths and sizes. */
  readonly manifest?: string;
  /** A file part's file name; default its index. */
  readonly partName?: (index: number) => string;
  /** Leave the manifest out. */
  readonly noManifest?: boolean;
}

/** A multipart body and its Content-Type (with the boundary). */
export interface FormBody {
  readonly body: Buffer;
  readonly contentType: string;
}

/** The body of a spool request carrying `files`. */
export async function spoolFormBody(files: readonly FormFile[], options: FormOptions = {}): Promise<FormBody> {
  const form = new FormData();
  if (options.noManifest !== true) {
    const manifest = { files: files.map((file) => ({ path: file.path, size: file.announced ?? Buffer.byteLength(file.body) })) };
    form.append('manifest', options.manifest ?? JSON.stringify(manifest));
  }
  files.forEach((file, index) => form.append('file', new Blob([file.body]), options.partName?.(index) ?? String(index)));
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' };
}
