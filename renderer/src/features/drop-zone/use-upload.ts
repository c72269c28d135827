/**
 * Uploading what the user dropped or picked: stage the files (browser mode sends their bytes to the
 * host), then enqueue them to the default profile. Problems become notices; the queue shows the rest.
 */
import { useCallback, useState } from 'react';
import type { Bridge, PickedFile, StageProgress } from '../../bridge/dropsign-api.js';
import { appStore } from '../../store/index.js';
import { askForNotifications } from '../finish-alerts/use-finish-alerts.js';

/** Where an upload request is. */
export type UploadPhase = { readonly kind: 'idle' } | { readonly kind: 'staging'; readonly progress: StageProgress } | { readonly kind: 'enqueueing' };

/** Runs uploads and says where the current one is. */
export function useUpload(bridge: Bridge): { readonly phase: UploadPhase; readonly upload: (files: readonly PickedFile[]) => Promise<void> } {
  const [phase, setPhase] = useState<UploadPhase>({ kind: 'idle' });
  const upload = useCallback(
    async (files: readonly PickedFile[]) => {
      if (files.length === 0) return;
      askForNotifications(bridge.face);
      const { pushNotice } = appStore.getState();
      setPhase({ kind: 'staging', progress: { filesDone: 0, filesTotal: files.length, bytesSent: 0, bytesTotal: 0 } });
      try {
        const staged = await bridge.stager.stage(files, (progress) => setPhase({ kind: 'staging', progress }));
        for (const failure of staged.failures) pushNotice({ level: 'error', message: `${failure.relativePath}: ${failure.message}` });
        if (staged.paths.length === 0) return;
        setPhase({ kind: 'enqueueing' });
        const result = await bridge.api.invoke('transfers:enqueue', { paths: staged.paths });
        if (!result.ok) {
          pushNotice({ level: 'error', code: result.error.code, message: result.error.message, hint: result.error.hint });
          return;
        }
        for (const problem of result.value.problems) {
          pushNotice({ level: 'warning', code: problem.error.code, message: `${problem.relativePath}: ${problem.error.message}`, hint: problem.error.hint });
        }
      } finally {
        setPhase({ kind: 'idle' });
      }
    },
    [bridge],
  );
  return { phase, upload };
}
