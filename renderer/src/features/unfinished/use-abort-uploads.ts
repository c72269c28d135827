/**
 * Aborting chosen unfinished uploads (`unfinished:abort`), in batches (unfinished-rows.ts), keeping each
 * upload's outcome. After a refusal that would repeat for the rest (the host says it `stopped`), the
 * batches not yet sent are not sent: their uploads are `skipped`. A request the host refuses whole (a
 * locked keychain, a profile gone meanwhile) ends the run with its error; what earlier batches did stays.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { UnfinishedAbortOutcome, UnfinishedUploadRef } from '../../../../electron/shared/ipc/unfinished-types.js';
import { useBridge } from '../../app/bridge-context.js';
import { inBatches, rowId, tallyOutcomes, type AbortTally } from './unfinished-rows.js';

/** No run yet; a run and how far it got; or what the last run did. */
export type AbortRun =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly tally: AbortTally; readonly stopped: boolean; readonly error?: ErrorInfo };

/** What the hook offers. */
export interface AbortUploads {
  readonly run: AbortRun;
  /** Every outcome since the last reset, by row id (unfinished-rows.ts). */
  readonly outcomes: ReadonlyMap<string, UnfinishedAbortOutcome>;
  /** Aborts `uploads` of `profile`'s bucket. */
  readonly abort: (profile: string, uploads: readonly UnfinishedUploadRef[]) => Promise<void>;
  /** Forgets the outcomes (a new listing) and drops the answers of a run still going. */
  readonly reset: () => void;
}

function withOutcomes(previous: ReadonlyMap<string, UnfinishedAbortOutcome>, outcomes: readonly UnfinishedAbortOutcome[]): ReadonlyMap<string, UnfinishedAbortOutcome> {
  const next = new Map(previous);
  for (const outcome of outcomes) next.set(rowId(outcome), outcome);
  return next;
}

/** See the module comment. */
export function useAbortUploads(): AbortUploads {
  const { api } = useBridge();
  const [run, setRun] = useState<AbortRun>({ kind: 'idle' });
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, UnfinishedAbortOutcome>>(new Map());
  const generation = useRef(0);
  useEffect(() => {
    const mine = generation;
    return () => void (mine.current += 1);
  }, []);

  const abort = useCallback(
    async (profile: string, uploads: readonly UnfinishedUploadRef[]) => {
      const mine = ++generation.current;
      const total = uploads.length;
      const finished: UnfinishedAbortOutcome[] = [];
      let stopped = false;
      let error: ErrorInfo | undefined;
      setRun({ kind: 'running', done: 0, total });
      for (const batch of inBatches(uploads)) {
        const refs = batch.map((upload) => ({ key: upload.key, uploadId: upload.uploadId }));
        if (stopped) {
          finished.push(...refs.map((ref): UnfinishedAbortOutcome => ({ ...ref, outcome: 'skipped' })));
          continue;
        }
        const answer = await api.invoke('unfinished:abort', { profile, uploads: refs });
        if (mine !== generation.current) return;
        if (!answer.ok) {
          error = answer.error;
          break;
        }
        finished.push(...answer.value.outcomes);
        stopped = answer.value.stopped;
        setOutcomes((previous) => withOutcomes(previous, answer.value.outcomes));
        setRun({ kind: 'running', done: finished.length, total });
      }
      setOutcomes((previous) => withOutcomes(previous, finished));
      setRun({ kind: 'done', tally: tallyOutcomes(finished), stopped, ...(error === undefined ? {} : { error }) });
    },
    [api],
  );

  const reset = useCallback(() => {
    generation.current += 1;
    setRun({ kind: 'idle' });
    setOutcomes(new Map());
  }, []);

  return { run, outcomes, abort, reset };
}
