/**
 * The page's one store, and the hook components read it with.
 */
import { useStore } from 'zustand';
import { createAppStore, type AppState } from './app-store.js';

export type { AppState } from './app-store.js';

/** The page's store. */
export const appStore = createAppStore();

/** Reads a part of the store and re-renders when (and only when) that part changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
