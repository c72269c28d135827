/**
 * Browser mode's file staging: each picked file's bytes are streamed to the host (`POST /spool`, with the
 * token as a Bearer header), a few at a time, and the host answers a `spool:<id>` reference that
 * `transfers:enqueue` then takes. XMLHttpRequest rather than fetch: it reports upload progress.
 */
import type { Result } from '../../../electron/shared/ipc/channels.js';
import type { FileStager, PickedFile, StageOutcome, StageProgress } from './dropsign-api.js';
import { SPOOL_PATH } from './web-protocol.js';

/** Why 4: enough to keep loopback busy with small files; the host takes 8 at once (two tabs). */
const SPOOLS_AT_ONCE = 4;

interface Receipt {
  readonly ref: string;
  readonly size: number;
}

/** Sends one file; resolves its reference, or a sentence saying why not. */
function spoolOne(token: string, picked: PickedFile, onBytes: (sent: number) => void): Promise<Result<Receipt> | string> {
  return new Promise((resolve) => {
    const query = new URLSearchParams({ name: picked.file.name, relativePath: picked.relativePath });
    const request = new XMLHttpRequest();
    request.open('POST', `${SPOOL_PATH}?${query.toString()}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => onBytes(event.loaded);
    request.onload = () => {
      try {
        resolve(JSON.parse(request.responseText) as Result<Receipt>);
      } catch {
        resolve(`Dropsign answered ${request.status} while receiving the file.`);
      }
    };
    request.onerror = () => resolve('The file could not be sent to Dropsign (the connection failed).');
    request.send(picked.file);
  });
}

/** The stager of browser mode, sending files with `token`. */
export function createSpoolStager(token: string): FileStager {
  return {
    needsFileContents: true,
    async stage(files, onProgress): Promise<StageOutcome> {
      const refs: (string | undefined)[] = files.map(() => undefined);
      const sent = files.map(() => 0);
      const failures: { relativePath: string; message: string }[] = [];
      const bytesTotal = files.reduce((sum, picked) => sum + picked.file.size, 0);
      let filesDone = 0;
      const report = (): void => {
        const progress: StageProgress = { filesDone, filesTotal: files.length, bytesSent: sent.reduce((a, b) => a + b, 0), bytesTotal };
        onProgress(progress);
      };
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let index = next++; index < files.length; index = next++) {
          const picked = files[index] as PickedFile;
          const outcome = await spoolOne(token, picked, (bytes) => {
            sent[index] = bytes;
            report();
          });
          if (typeof outcome === 'string') failures.push({ relativePath: picked.relativePath, message: outcome });
          else if (!outcome.ok) failures.push({ relativePath: picked.relativePath, message: `${outcome.error.message} ${outcome.error.hint}` });
          else refs[index] = outcome.value.ref;
          sent[index] = picked.file.size;
          filesDone += 1;
          report();
        }
      };
      report();
      await Promise.all(Array.from({ length: Math.min(SPOOLS_AT_ONCE, files.length) }, worker));
      return { paths: refs.filter((ref): ref is string => ref !== undefined), failures };
    },
  };
}
