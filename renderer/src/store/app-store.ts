/**
 * The page's store: the slices combined (zustand's slices pattern). The host's truth arrives through
 * bridge/bind-store.ts; components read with selectors and never call the host from a render.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createQueueViewSlice, type QueueViewSlice } from './queue-view-slice.js';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.js';
import { createStagingSlice, type StagingSlice } from './staging-slice.js';
import { createTransfersSlice, type TransfersSlice } from './transfers-slice.js';

/** Everything the page holds. */
export type AppState = TransfersSlice & SessionSlice & SettingsSlice & StagingSlice & QueueViewSlice;

/** A new store (one per page; tests make their own). */
export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>()((...args) => ({
    ...createTransfersSlice(...args),
    ...createSessionSlice(...args),
    ...createSettingsSlice(...args),
    ...createStagingSlice(...args),
    ...createQueueViewSlice(...args),
  }));
}
