/**
 * Uploading what the user dropped, pasted or picked: stage the files (browser mode sends their bytes to
 * the host, in batches), and enqueue them to the remembered destination (upload/destination.ts) as the
 * batches are staged (staged-enqueuer.ts). Progress is kept in the store's staging slice, so the upload
 * screen shows it wherever the drop happened. Problems become notices, grouped over the whole drop (a drop
 * of 500 files with one bad prefix is one notice, not 500); the queue shows the rest.
 */
import type { TFunction } from 'i18next';
import type { StoreApi } from 'zustand/vanilla';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { EnqueueProblemView } from '../../../../electron/shared/ipc/transfer-requests.js';
import type { Bridge, PickedFile } from '../../bridge/dropsign-api.js';
import type { AppState } from '../../store/index.js';
import { askForNotifications } from '../finish-alerts/use-finish-alerts.js';
import { StagedEnqueuer, type EnqueueTimer } from './staged-enqueuer.js';

/**
 * Why 100 ms: ten staging updates a second read as live; the stager reports every chunk of every file,
 * which for a drop of thousands of small files is thousands of updates a second.
 */
const STAGING_UPDATE_MS = 100;

/** What an upload needs. */
export interface UploadDeps {
  readonly bridge: Bridge;
  readonly store: StoreApi<AppState>;
  readonly t: TFunction<'upload'>;
  /** For testing: the timers that gather staged files into enqueues. */
  readonly enqueueTimer?: EnqueueTimer;
}

/** `a.txt`, or `a.txt and 4 more`. */
export function fileList(names: readonly string[], t: TFunction<'upload'>): string {
  const [first = ''] = names;
  return names.length <= 1 ? first : t('notices.andMore', { first, count: names.length - 1 });
}

/** The problems of one enqueue, one group per error code, in the order the codes first appear. */
export function groupProblems(problems: readonly EnqueueProblemView[]): readonly (readonly EnqueueProblemView[])[] {
  const groups = new Map<string, EnqueueProblemView[]>();
  for (const problem of problems) {
    const group = groups.get(problem.error.code);
    if (group === undefined) groups.set(problem.error.code, [problem]);
    else group.push(problem);
  }
  return [...groups.values()];
}

function noticeOf(error: ErrorInfo, message: string): Parameters<AppState['pushNotice']>[0] {
  return { level: 'error', code: error.code, message, hint: error.hint };
}

/**
 * Stages and enqueues `files`; resolves when they are in the queue (or refused, with notices saying why).
 * Files the stager hands over early are enqueued while the rest is still being staged (staged-enqueuer.ts).
 */
export async function uploadFiles(files: readonly PickedFile[], { bridge, store, t, enqueueTimer }: UploadDeps): Promise<void> {
  if (files.length === 0) return;
  askForNotifications(bridge.face);
  const { pushNotice, startStaging, updateStaging, endStaging } = store.getState();
  const batch = startStaging(files.length);
  const enqueuer = new StagedEnqueuer(bridge.api, () => store.getState().settings, enqueueTimer);
  try {
    let shownAt = 0;
    const handed = new Set<string>();
    const staged = await bridge.stager.stage(
      files,
      (progress) => {
        const now = Date.now();
        if (progress.filesDone < progress.filesTotal && now - shownAt < STAGING_UPDATE_MS) return;
        shownAt = now;
        updateStaging(batch, { kind: 'staging', progress });
      },
      (paths) => {
        for (const path of paths) handed.add(path);
        enqueuer.add(paths);
      },
    );
    const [firstFailure] = staged.failures;
    if (firstFailure !== undefined) {
      const files = fileList(staged.failures.map((failure) => failure.relativePath), t);
      pushNotice({ level: 'error', message: t('notices.stageFailed', { count: staged.failures.length, files, reason: firstFailure.message }) });
    }
    enqueuer.add(handed.size === 0 ? staged.paths : staged.paths.filter((path) => !handed.has(path)));
    if (enqueuer.paths === 0) return;
    updateStaging(batch, { kind: 'enqueueing' });
    const summary = await enqueuer.finish();
    for (const refusal of summary.refusals) pushNotice(noticeOf(refusal, refusal.message));
    for (const group of groupProblems(summary.problems)) {
      const [first] = group;
      if (first === undefined) continue;
      const files = fileList(group.map((problem) => problem.relativePath), t);
      pushNotice({ ...noticeOf(first.error, `${t('notices.notAdded', { count: group.length, files })} ${first.error.message}`), level: 'warning' });
    }
    if (summary.alreadyQueued > 0) pushNotice({ level: 'info', message: t('notices.alreadyQueued', { count: summary.alreadyQueued }) });
  } finally {
    endStaging(batch);
  }
}
