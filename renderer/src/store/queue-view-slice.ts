/**
 * How the page shows the queue: which part of it (the filter). Kept in the store rather than in the
 * screen, so leaving the upload screen and coming back keeps the view.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { QueueFilter } from './queue-filter.js';

/** See the module comment. */
export interface QueueViewSlice {
  readonly queueFilter: QueueFilter;
  readonly setQueueFilter: (filter: QueueFilter) => void;
}

/** The queue view slice. */
export const createQueueViewSlice: StateCreator<QueueViewSlice, [], [], QueueViewSlice> = (set) => ({
  queueFilter: 'all',
  setQueueFilter: (queueFilter) => set({ queueFilter }),
});
