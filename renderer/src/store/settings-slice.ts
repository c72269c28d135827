/**
 * The user's preferences as the host holds them (`settings:get`, `settings:set`, which answers the
 * settings after the change). The page shows them; the host owns and checks them.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppSettings } from '../../../electron/shared/ipc/settings.js';

/** See the module comment. */
export interface SettingsSlice {
  /** Undefined until the host has answered. */
  readonly settings: AppSettings | undefined;
  readonly setSettings: (settings: AppSettings) => void;
}

/** The settings slice. */
export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => ({
  settings: undefined,
  setSettings: (settings) => set({ settings }),
});
