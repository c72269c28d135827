/**
 * The page's store: the slices combined (zustand's slices pattern). The host's truth arrives through
 * bridge/bind-store.ts; components read with selectors and never call the host from a render.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.js';
import { createTransfersSlice, type TransfersSlice } from './transfers-slice.js';

/** Everything the page holds. */
export type AppState = TransfersSlice & SessionSlice & SettingsSlice;

/** A new store (one per page; tests make their own). */
export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>()((...args) => ({
    ...createTransfersSlice(...args),
    ...createSessionSlice(...args),
    ...createSettingsSlice(...args),
  }));
}
