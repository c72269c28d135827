import { beforeEach, describe, expect, it } from 'vitest';
import { manualTimer } from '../../../../helpers/manual-timer.js';
import type { EnqueueOutcome, EnqueueRequest } from '../../../../../electron/shared/ipc/transfer-requests.js';
import { ENQUEUE_AT_FILES, ENQUEUE_GATHER_MS } from '../../../../../renderer/src/features/drop-zone/staged-enqueuer.js';
import { fileList, groupProblems, uploadFiles } from '../../../../../renderer/src/features/drop-zone/upload-files.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import type { Bridge } from '../../../../../renderer/src/bridge/dropsign-api.js';
import { fakeBridge, ok, refused, resetStore, settingsWith } from '../upload/upload-harness.js';

const t = i18n.getFixedT('en', 'upload');
const picked = (...names: string[]) => names.map((name) => ({ file: new File([name], name), relativePath: name }));
const outcome = (fields: Partial<EnqueueOutcome> = {}): EnqueueOutcome => ({ profile: 'local', ids: [], problems: [], alreadyQueued: 0, ...fields });
const invalidKey = (relativePath: string) => ({ path: `/picked/${relativePath}`, relativePath, error: { code: 'invalid-key', message: `Bad key for ${relativePath}.`, hint: 'h' } }) as const;

beforeEach(resetStore);

describe('uploadFiles', () => {
  it('enqueues the staged files to the remembered profile and prefix', async () => {
    appStore.getState().setSettings(settingsWith({ uploadProfile: 'prod', uploadPrefix: '2026/' }));
    const bridge = fakeBridge({ 'transfers:enqueue': () => ok(outcome()) });
    await uploadFiles(picked('a.txt', 'b.txt'), { bridge, store: appStore, t });
    expect(bridge.callsOn('transfers:enqueue')).toEqual([[{ paths: ['/picked/a.txt', '/picked/b.txt'], profile: 'prod', prefix: '2026/' } satisfies EnqueueRequest]]);
    expect(appStore.getState().notices).toEqual([]);
  });

  it('shows the batch as staging, then enqueueing, and forgets it when done', async () => {
    const phases: string[] = [];
    const unsubscribe = appStore.subscribe((state) => phases.push(state.staging.map((batch) => batch.phase.kind).join(',')));
    const bridge = fakeBridge({ 'transfers:enqueue': () => ok(outcome()) });
    await uploadFiles(picked('a.txt'), { bridge, store: appStore, t });
    unsubscribe();
    expect(phases).toEqual(['staging', 'staging', 'enqueueing', '']);
  });

  it('does nothing for nothing', async () => {
    const bridge = fakeBridge();
    await uploadFiles([], { bridge, store: appStore, t });
    expect(bridge.calls).toEqual([]);
  });

  it('says which files could not be staged, in one notice, and enqueues the rest', async () => {
    const bridge = fakeBridge({ 'transfers:enqueue': () => ok(outcome()) }, (files) =>
      Promise.resolve({ paths: ['/spool/c'], failures: files.slice(0, 2).map((file) => ({ relativePath: file.relativePath, message: 'The connection failed.' })) }),
    );
    await uploadFiles(picked('a.txt', 'b.txt', 'c.txt'), { bridge, store: appStore, t });
    expect(appStore.getState().notices.map((notice) => notice.message)).toEqual(['2 files could not be copied to Dropsign (a.txt and 1 more): The connection failed.']);
    expect(bridge.callsOn('transfers:enqueue')).toEqual([[{ paths: ['/spool/c'] }]]);
  });

  it('turns a refused enqueue into an error notice with its code', async () => {
    const bridge = fakeBridge({ 'transfers:enqueue': () => refused({ code: 'keychain-locked', message: 'The keychain is locked.', hint: 'Unlock it.' }) });
    await uploadFiles(picked('a.txt'), { bridge, store: appStore, t });
    expect(appStore.getState().notices).toMatchObject([{ level: 'error', code: 'keychain-locked', message: 'The keychain is locked.' }]);
    expect(appStore.getState().staging).toEqual([]);
  });

  it('groups the files that were not added by their error, and says how many were already queued', async () => {
    const problems = [invalidKey('a.txt'), { path: '/picked/b', relativePath: 'b', error: { code: 'special-file', message: 'b is a pipe.', hint: 'h' } } as const, invalidKey('c.txt')];
    const bridge = fakeBridge({ 'transfers:enqueue': () => ok(outcome({ problems, alreadyQueued: 3 })) });
    await uploadFiles(picked('a.txt', 'b', 'c.txt', 'd', 'e', 'f'), { bridge, store: appStore, t });
    expect(appStore.getState().notices).toMatchObject([
      { level: 'warning', code: 'invalid-key', message: '2 files were not added to the queue (a.txt and 1 more). Bad key for a.txt.' },
      { level: 'warning', code: 'special-file', message: 'b was not added to the queue. b is a pipe.' },
      { level: 'info', message: '3 files were already waiting in the queue.' },
    ]);
  });
});

describe('uploadFiles with a stager that hands files over early', () => {
  /** A stager that hands over `early` batches of paths, then waits for `release` before it ends with all of them. */
  function batchingStager(early: readonly (readonly string[])[], release: Promise<void>): Bridge['stager'] {
    return {
      needsFileContents: true,
      async stage(files, onProgress, onStaged) {
        for (const paths of early) onStaged?.(paths);
        onProgress({ filesDone: files.length, filesTotal: files.length, bytesSent: 0, bytesTotal: 0 });
        await release;
        return { paths: files.map((file) => `spool:${file.relativePath}`), failures: [] };
      },
    };
  }


  const names = (count: number, stem: string): string[] => Array.from({ length: count }, (_, index) => `${stem}${index}`);

  it('enqueues a full request\'s worth at once and smaller batches within a second, while staging goes on, in order', async () => {
    const timer = manualTimer();
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const full = names(ENQUEUE_AT_FILES, 'f').map((name) => `spool:${name}`);
    const bridge = fakeBridge({ 'transfers:enqueue': () => ok(outcome()) });
    const files = picked(...names(ENQUEUE_AT_FILES, 'f'), 'big1', 'big2', 'last');
    const stager = batchingStager([full, ['spool:big1'], ['spool:big2']], released);
    const upload = uploadFiles(files, { bridge: { ...bridge, stager }, store: appStore, t, enqueueTimer: timer });
    await expect.poll(() => bridge.callsOn('transfers:enqueue').length).toBe(1);
    expect(bridge.callsOn('transfers:enqueue')[0]).toEqual([{ paths: full }]);
    expect(timer.delays).toEqual([ENQUEUE_GATHER_MS]);
    timer.fire();
    await expect.poll(() => bridge.callsOn('transfers:enqueue').length).toBe(2);
    expect(bridge.callsOn('transfers:enqueue')[1]).toEqual([{ paths: ['spool:big1', 'spool:big2'] }]);
    expect(appStore.getState().staging[0]?.phase.kind).toBe('staging');
    release();
    await upload;
    // What was never handed over goes in with the end of staging.
    expect(bridge.callsOn('transfers:enqueue')[2]).toEqual([{ paths: ['spool:last'] }]);
    expect(appStore.getState().staging).toEqual([]);
  });

  it('sends every enqueue of a drop to the destination it had when the first was sent', async () => {
    appStore.getState().setSettings(settingsWith({ uploadPrefix: 'first/' }));
    const timer = manualTimer();
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const bridge = fakeBridge({ 'transfers:enqueue': () => ok(outcome()) });
    const upload = uploadFiles(picked('a', 'b'), { bridge: { ...bridge, stager: batchingStager([['spool:a']], released) }, store: appStore, t, enqueueTimer: timer });
    await expect.poll(() => timer.delays.length).toBe(1);
    timer.fire();
    await expect.poll(() => bridge.callsOn('transfers:enqueue').length).toBe(1);
    // A destination chosen while the drop is still being copied applies to the next drop, not this one.
    appStore.getState().setSettings(settingsWith({ uploadPrefix: 'second/' }));
    release();
    await upload;
    expect(bridge.callsOn('transfers:enqueue')).toEqual([[{ paths: ['spool:a'], prefix: 'first/' }], [{ paths: ['spool:b'], prefix: 'first/' }]]);
  });

  it('says once what many enqueues were refused for, and groups the files not added over the whole drop', async () => {
    let call = 0;
    const bridge = fakeBridge({
      'transfers:enqueue': () => {
        call += 1;
        if (call <= 2) return refused({ code: 'keychain-locked', message: 'The keychain is locked.', hint: 'Unlock it.' });
        return ok(outcome({ problems: [invalidKey(`f${call}.txt`)], alreadyQueued: 1 }));
      },
    });
    const files = picked(...names(4 * ENQUEUE_AT_FILES, 'x'));
    const requests = [0, 1, 2, 3].map((request) => files.slice(request * ENQUEUE_AT_FILES, (request + 1) * ENQUEUE_AT_FILES).map((file) => `spool:${file.relativePath}`));
    await uploadFiles(files, { bridge: { ...bridge, stager: batchingStager(requests, Promise.resolve()) }, store: appStore, t });
    expect(bridge.callsOn('transfers:enqueue')).toHaveLength(4);
    expect(appStore.getState().notices).toMatchObject([
      { level: 'error', code: 'keychain-locked', message: 'The keychain is locked.' },
      { level: 'warning', code: 'invalid-key', message: '2 files were not added to the queue (f3.txt and 1 more). Bad key for f3.txt.' },
      { level: 'info', message: '2 files were already waiting in the queue.' },
    ]);
  });
});

describe('groupProblems and fileList', () => {
  it('keep the order in which codes first appear, and name the first file of many', () => {
    expect(groupProblems([invalidKey('a'), invalidKey('b')]).map((group) => group.length)).toEqual([2]);
    expect(fileList(['one'], t)).toBe('one');
    expect(fileList(['one', 'two', 'three'], t)).toBe('one and 2 more');
  });
});

describe('staging progress', () => {
  it('is shown at most ten times a second, and always when the last file is in', async () => {
    const shown: number[] = [];
    const unsubscribe = appStore.subscribe((state) => {
      const phase = state.staging[0]?.phase;
      if (phase?.kind === 'staging') shown.push(phase.progress.filesDone);
    });
    const bridge = fakeBridge({ 'transfers:enqueue': () => ok(outcome()) }, (files) => Promise.resolve({ paths: files.map((file) => `/spool/${file.relativePath}`), failures: [] }));
    const stage = bridge.stager.stage;
    const chatty: typeof stage = (files, onProgress) => {
      for (let done = 0; done < files.length; done += 1) onProgress({ filesDone: done, filesTotal: files.length, bytesSent: done, bytesTotal: files.length });
      return stage(files, onProgress);
    };
    await uploadFiles(picked('a', 'b', 'c', 'd'), { bridge: { ...bridge, stager: { ...bridge.stager, stage: chatty } }, store: appStore, t });
    unsubscribe();
    // The batch's start and the first report (0 of 4) are shown; the three reports within 100 ms after it are not; the last one is.
    expect(shown).toEqual([0, 0, 4]);
  });
});
