/**
 * Browser mode's file staging: the picked files' bytes are streamed to the host's spool, small files many
 * to a request (spool-requests.ts, spool-send.ts), a few requests at a time, and the host answers a
 * `spool:<id>` reference per file that `transfers:enqueue` then takes. Each request's references are handed
 * over as soon as it is answered (in the order of the files), so the page can enqueue them while the rest
 * is still on its way.
 */
import type { FileStager, PickedFile, StageOutcome, StageProgress } from './dropsign-api.js';
import { planSpoolRequests } from './spool-requests.js';
import { sendSpoolRequest, type SendSpoolRequest, type SpoolReply } from './spool-send.js';

/** Why 4: enough to keep loopback and the host's disk busy; the host takes 8 at once (two tabs). */
const REQUESTS_AT_ONCE = 4;

/**
 * Pauses before sending again a request the host answered busy (too many files waiting to be queued, or
 * too many requests at once: both clear as the queue takes files in). Why these: the first retry is
 * quick, then every 2 s; after about two minutes of busy answers the files are reported as not sent.
 */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, ...Array.from({ length: 59 }, () => 2000)];

/** How a stager waits (injected so tests control time). */
export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends a request, again after a pause for each busy answer, up to the last delay. */
async function sendPatiently(send: SendSpoolRequest, sleep: Sleep, token: string, files: readonly PickedFile[], onBytes: (sent: number) => void): Promise<SpoolReply> {
  let reply = await send(token, files, onBytes);
  for (const delay of BUSY_RETRY_DELAYS_MS) {
    if (reply.kind !== 'busy') return reply;
    onBytes(0);
    await sleep(delay);
    reply = await send(token, files, onBytes);
  }
  return reply;
}

/** The references of a request's stored files, and its failures, from its reply. */
function settle(files: readonly PickedFile[], reply: SpoolReply): { refs: string[]; failures: { relativePath: string; message: string }[] } {
  const refs: string[] = [];
  const failures: { relativePath: string; message: string }[] = [];
  files.forEach((picked, index) => {
    if (reply.kind !== 'answered') {
      failures.push({ relativePath: picked.relativePath, message: reply.message });
      return;
    }
    const file = reply.files[index];
    if (file?.ok === true) refs.push(file.value.ref);
    else failures.push({ relativePath: picked.relativePath, message: file === undefined ? 'Dropsign did not answer for this file.' : `${file.error.message} ${file.error.hint}` });
  });
  return { refs, failures };
}

/** The stager of browser mode, sending files with `token` (through `send`: XMLHttpRequest unless a test says otherwise). */
export function createSpoolStager(token: string, send: SendSpoolRequest = sendSpoolRequest, sleep: Sleep = realSleep): FileStager {
  return {
    needsFileContents: true,
    async stage(files, onProgress, onStaged): Promise<StageOutcome> {
      const requests = planSpoolRequests(files.map((picked) => picked.file.size)).map((indexes) => indexes.map((index) => files[index] as PickedFile));
      const bytesTotal = files.reduce((sum, picked) => sum + picked.file.size, 0);
      // Running totals: each progress event changes one request's share, never a sum over all of them.
      const sentOf = requests.map(() => 0);
      let bytesSent = 0;
      let filesDone = 0;
      const report = (): void => {
        const progress: StageProgress = { filesDone, filesTotal: files.length, bytesSent, bytesTotal };
        onProgress(progress);
      };
      const setSent = (request: number, sent: number): void => {
        bytesSent += sent - (sentOf[request] ?? 0);
        sentOf[request] = sent;
      };

      const answered: (string[] | undefined)[] = requests.map(() => undefined);
      const refs: string[] = [];
      const failures: { relativePath: string; message: string }[] = [];
      let delivered = 0;
      /** Hands over the answered requests that are next in order. */
      const deliver = (): void => {
        for (let ready = answered[delivered]; ready !== undefined; ready = answered[delivered]) {
          answered[delivered] = undefined;
          delivered += 1;
          refs.push(...ready);
          if (ready.length > 0) onStaged?.(ready);
        }
      };

      let next = 0;
      const worker = async (): Promise<void> => {
        for (let index = next++; index < requests.length; index = next++) {
          const batch = requests[index] as PickedFile[];
          const reply = await sendPatiently(send, sleep, token, batch, (sent) => {
            setSent(index, sent);
            report();
          });
          const settled = settle(batch, reply);
          failures.push(...settled.failures);
          answered[index] = settled.refs;
          setSent(index, batch.reduce((sum, picked) => sum + picked.file.size, 0));
          filesDone += batch.length;
          deliver();
          report();
        }
      };
      report();
      await Promise.all(Array.from({ length: Math.min(REQUESTS_AT_ONCE, requests.length) }, worker));
      return { paths: refs, failures };
    },
  };
}
