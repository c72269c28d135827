/**
 * The page's link to its host: the connection status, what the app says about itself (`app:info`), and
 * notices to show (from `app:info` at start and `app:notice` events later).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppInfo, Notice } from '../../../electron/shared/ipc/app-types.js';
import type { ConnectionStatus } from '../bridge/dropsign-api.js';

/** A notice with an id the page can dismiss it by. */
export interface ShownNotice extends Notice {
  readonly id: number;
}

/** See the module comment. */
export interface SessionSlice {
  readonly connection: ConnectionStatus;
  /** Undefined until the host has answered. */
  readonly info: AppInfo | undefined;
  readonly notices: readonly ShownNotice[];
  readonly setConnection: (status: ConnectionStatus) => void;
  /** Takes the app's info; its start-up notices are shown the first time only. */
  readonly setInfo: (info: AppInfo) => void;
  readonly pushNotice: (notice: Notice) => void;
  readonly dismissNotice: (id: number) => void;
}

/** Why 5: more toasts at once are not read; the oldest make room. */
const SHOWN_NOTICES = 5;

let nextNoticeId = 1;

/** The session slice. */
export const createSessionSlice: StateCreator<SessionSlice, [], [], SessionSlice> = (set) => ({
  connection: { kind: 'connecting' },
  info: undefined,
  notices: [],
  setConnection: (connection) => set({ connection }),
  setInfo: (info) =>
    set((state) => ({
      info,
      notices: state.info === undefined ? [...state.notices, ...info.notices.map((notice) => ({ ...notice, id: nextNoticeId++ }))].slice(-SHOWN_NOTICES) : state.notices,
    })),
  pushNotice: (notice) => set((state) => ({ notices: [...state.notices, { ...notice, id: nextNoticeId++ }].slice(-SHOWN_NOTICES) })),
  dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
});
