/**
 * Browser mode's stager: files go to the host in batches, a few requests at a time; each batch's
 * references are handed over as soon as it (and every batch before it) is answered; progress is kept
 * as running totals; failures are reported file by file.
 */
import { describe, expect, it } from 'vitest';
import type { PickedFile, StageProgress } from '../../../../renderer/src/bridge/dropsign-api.js';
import type { SendSpoolRequest, SpoolReply } from '../../../../renderer/src/bridge/spool-send.js';
import { LARGE_FILE_BYTES } from '../../../../renderer/src/bridge/spool-requests.js';
import { BUSY_RETRY_DELAYS_MS, createSpoolStager } from '../../../../renderer/src/bridge/web-spool.js';

/** A picked file of `size` bytes (its contents are never read here). */
const picked = (relativePath: string, size = 1): PickedFile => ({ file: { size, name: relativePath } as File, relativePath });

interface Sent {
  readonly token: string;
  readonly paths: readonly string[];
  readonly onBytes: (sent: number) => void;
  answer(reply: SpoolReply): void;
}

/** A host that answers each request when the test says so. */
function fakeHost() {
  const requests: Sent[] = [];
  const send: SendSpoolRequest = (token, files, onBytes) =>
    new Promise((resolve) => requests.push({ token, paths: files.map((file) => file.relativePath), onBytes, answer: resolve }));
  const refs = (request: Sent): SpoolReply => ({ kind: 'answered', files: request.paths.map((path) => ({ ok: true, value: { ref: `spool:${path}`, size: 1 } })) });
  return { requests, send, refs };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSpoolStager', () => {
  it('sends small files many to a request and a large one alone, four requests at a time', async () => {
    const host = fakeHost();
    const files = [...Array.from({ length: 300 }, (_, index) => picked(`s${index}`)), picked('big.iso', LARGE_FILE_BYTES * 2), ...Array.from({ length: 600 }, (_, index) => picked(`t${index}`))];
    const staging = createSpoolStager('TOKEN', host.send).stage(files, () => undefined);
    await settle();
    expect(host.requests.map((request) => request.paths.length)).toEqual([256, 44, 1, 256]);
    expect(host.requests[2]?.paths).toEqual(['big.iso']);
    expect(host.requests.every((request) => request.token === 'TOKEN')).toBe(true);
    for (let answered = 0; answered < host.requests.length; answered += 1) {
      const request = host.requests[answered] as Sent;
      request.answer(host.refs(request));
      await settle();
    }
    const outcome = await staging;
    expect(host.requests.map((request) => request.paths.length)).toEqual([256, 44, 1, 256, 256, 88]);
    expect(outcome.paths).toEqual(files.map((file) => `spool:${file.relativePath}`));
    expect(outcome.failures).toEqual([]);
  });

  it('hands each batch over as soon as it and the ones before it are answered, in the order of the files', async () => {
    const host = fakeHost();
    const handed: (readonly string[])[] = [];
    const staging = createSpoolStager('T', host.send).stage([picked('a', LARGE_FILE_BYTES + 1), picked('b', LARGE_FILE_BYTES + 1), picked('c', LARGE_FILE_BYTES + 1)], () => undefined, (paths) => handed.push(paths));
    await settle();
    const [first, second, third] = host.requests as [Sent, Sent, Sent];
    second.answer(host.refs(second));
    await settle();
    expect(handed).toEqual([]);
    first.answer(host.refs(first));
    await settle();
    expect(handed).toEqual([['spool:a'], ['spool:b']]);
    third.answer(host.refs(third));
    expect((await staging).paths).toEqual(['spool:a', 'spool:b', 'spool:c']);
    expect(handed).toEqual([['spool:a'], ['spool:b'], ['spool:c']]);
  });

  it('reports a file the host refused on its own, and a whole request that failed file by file, handing over the rest', async () => {
    const host = fakeHost();
    const handed: (readonly string[])[] = [];
    const staging = createSpoolStager('T', host.send).stage([picked('ok'), picked('bad'), picked('lost', LARGE_FILE_BYTES + 1)], () => undefined, (paths) => handed.push(paths));
    await settle();
    const [batch, lost] = host.requests as [Sent, Sent];
    batch.answer({ kind: 'answered', files: [{ ok: true, value: { ref: 'spool:ok', size: 1 } }, { ok: false, error: { code: 'invalid-argument', message: 'Bad name.', hint: 'Rename it.' } }] });
    lost.answer({ kind: 'failed', message: 'The connection failed.' });
    const outcome = await staging;
    expect(outcome.paths).toEqual(['spool:ok']);
    expect(outcome.failures).toEqual([
      { relativePath: 'bad', message: 'Bad name. Rename it.' },
      { relativePath: 'lost', message: 'The connection failed.' },
    ]);
    expect(handed).toEqual([['spool:ok']]);
  });

  it('reports progress as running totals: bytes as they are sent, files as their request is answered', async () => {
    const host = fakeHost();
    const reports: StageProgress[] = [];
    const size = LARGE_FILE_BYTES + 100;
    const staging = createSpoolStager('T', host.send).stage([picked('a', size), picked('b', size)], (progress) => reports.push(progress));
    await settle();
    const [a, b] = host.requests as [Sent, Sent];
    a.onBytes(100);
    b.onBytes(50);
    a.onBytes(300);
    a.answer(host.refs(a));
    await settle();
    b.answer(host.refs(b));
    await staging;
    const total = 2 * size;
    expect(reports.map((progress) => [progress.filesDone, progress.bytesSent])).toEqual([
      [0, 0],
      [0, 100],
      [0, 150],
      [0, 350],
      [1, size + 50],
      [2, total],
    ]);
    expect(reports.every((progress) => progress.filesTotal === 2 && progress.bytesTotal === total)).toBe(true);
  });

  it('sends a request again after a pause while the host says it is busy, and gives up after the last pause', async () => {
    const host = fakeHost();
    const pauses: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      pauses.push(ms);
      return Promise.resolve();
    };
    const busy: SpoolReply = { kind: 'busy', message: 'Too many files wait. Queue them first.' };
    const patient = createSpoolStager('T', host.send, sleep).stage([picked('a')], () => undefined);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await settle();
      (host.requests[attempt] as Sent).answer(attempt < 2 ? busy : host.refs(host.requests[attempt] as Sent));
    }
    expect((await patient).paths).toEqual(['spool:a']);
    expect(pauses).toEqual(BUSY_RETRY_DELAYS_MS.slice(0, 2));

    const always: SendSpoolRequest = () => Promise.resolve(busy);
    const outcome = await createSpoolStager('T', always, () => Promise.resolve()).stage([picked('b')], () => undefined);
    expect(outcome).toEqual({ paths: [], failures: [{ relativePath: 'b', message: busy.message }] });
  });
});
