/**
 * Sends one spool request: the files as a multipart form (FormData: the browser reads the files as it
 * sends them; nothing is read into memory here), with the token as a Bearer header, and reads the host's
 * answer. XMLHttpRequest rather than fetch: it reports upload progress.
 *
 * The form: a `manifest` field (JSON: each file's relative path and size, in order), then one `file` part
 * per file, named by its index. The host answers each file's reference, or why it refused the file.
 */
import type { Result } from '../../../electron/shared/ipc/channels.js';
import type { PickedFile } from './dropsign-api.js';
import { SPOOL_FILE_FIELD, SPOOL_MANIFEST_FIELD, SPOOL_PATH } from './web-protocol.js';

/** One stored file: what to enqueue. */
export interface SpoolReceipt {
  readonly ref: string;
  readonly size: number;
}

/**
 * What a request came to: one outcome per file; or one sentence for all of them, `busy` when the host has
 * too much on its way and asks to be tried again shortly, `failed` otherwise.
 */
export type SpoolReply =
  | { readonly kind: 'answered'; readonly files: readonly Result<SpoolReceipt>[] }
  | { readonly kind: 'busy' | 'failed'; readonly message: string };

/** Sends `files`; `onBytes` hears how many of their bytes are sent so far. Never rejects. */
export type SendSpoolRequest = (token: string, files: readonly PickedFile[], onBytes: (sent: number) => void) => Promise<SpoolReply>;

function isAnswer(value: unknown, count: number): value is Result<{ readonly files: readonly Result<SpoolReceipt>[] }> {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; value?: { files?: unknown }; error?: { code?: unknown; message?: unknown } };
  if (result.ok === false) return typeof result.error?.message === 'string';
  return result.ok === true && Array.isArray(result.value?.files) && result.value.files.length === count;
}

/** The host's answer to a request of `count` files, from its status and body. */
export function readSpoolReply(status: number, body: string, count: number): SpoolReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (!isAnswer(parsed, count)) return { kind: 'failed', message: `Dropsign answered ${status} while receiving the files.` };
  if (parsed.ok) return { kind: 'answered', files: parsed.value.files };
  const message = `${parsed.error.message} ${parsed.error.hint}`;
  return { kind: parsed.error.code === 'server-busy' ? 'busy' : 'failed', message };
}

/** The request's body. */
export function spoolForm(files: readonly PickedFile[]): FormData {
  const form = new FormData();
  form.append(SPOOL_MANIFEST_FIELD, JSON.stringify({ files: files.map((picked) => ({ path: picked.relativePath, size: picked.file.size })) }));
  files.forEach((picked, index) => form.append(SPOOL_FILE_FIELD, picked.file, String(index)));
  return form;
}

/** {@link SendSpoolRequest} over XMLHttpRequest. */
export const sendSpoolRequest: SendSpoolRequest = (token, files, onBytes) =>
  new Promise((resolve) => {
    const fileBytes = files.reduce((sum, picked) => sum + picked.file.size, 0);
    const request = new XMLHttpRequest();
    request.open('POST', SPOOL_PATH);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    // The body is the whole form with its boundaries; progress is shown as the files' share of it.
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onBytes(Math.min(fileBytes, Math.floor((event.loaded / event.total) * fileBytes)));
    };
    request.onload = () => resolve(readSpoolReply(request.status, request.responseText, files.length));
    request.onerror = () => resolve({ kind: 'failed', message: 'The files could not be sent to Dropsign (the connection failed).' });
    request.send(spoolForm(files));
  });
