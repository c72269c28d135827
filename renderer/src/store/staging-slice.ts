/**
 * Files on their way into the queue: each drop, paste or pick is a batch that is first staged (browser
 * mode copies every file's bytes to the host; the desktop app only looks up paths) and then enqueued.
 * Batches are tracked apart, so a second drop while the first is still copying does not hide it; the
 * upload screen shows their sum (selectStaging).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { StageProgress } from '../bridge/dropsign-api.js';

/** Where one batch is. */
export type StagingPhase = { readonly kind: 'staging'; readonly progress: StageProgress } | { readonly kind: 'enqueueing' };

/** One batch. */
export interface StagingBatch {
  readonly id: number;
  readonly phase: StagingPhase;
}

/** See the module comment. */
export interface StagingSlice {
  /** Batches being staged or enqueued, oldest first; empty when nothing is on its way. */
  readonly staging: readonly StagingBatch[];
  /** Starts tracking a batch of `files` files; returns its id. */
  readonly startStaging: (files: number) => number;
  readonly updateStaging: (id: number, phase: StagingPhase) => void;
  readonly endStaging: (id: number) => void;
}

let nextBatchId = 1;

/** The staging slice. */
export const createStagingSlice: StateCreator<StagingSlice, [], [], StagingSlice> = (set) => ({
  staging: [],
  startStaging: (files) => {
    const id = nextBatchId++;
    const phase: StagingPhase = { kind: 'staging', progress: { filesDone: 0, filesTotal: files, bytesSent: 0, bytesTotal: 0 } };
    set((state) => ({ staging: [...state.staging, { id, phase }] }));
    return id;
  },
  updateStaging: (id, phase) =>
    set((state) => (state.staging.some((batch) => batch.id === id) ? { staging: state.staging.map((batch) => (batch.id === id ? { id, phase } : batch)) } : state)),
  endStaging: (id) => set((state) => ({ staging: state.staging.filter((batch) => batch.id !== id) })),
});
