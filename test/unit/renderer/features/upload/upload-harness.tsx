/**
 * What the upload screen's component tests render with: the shared fake host (../../fake-host.tsx) seen
 * through the desktop's bridge, where a channel without an answer answers `{ ok: true, value: null }`
 * and files are staged by path; the page's store reset to empty; and a router at a chosen address.
 */
import type { RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { InvokeChannel } from '../../../../../electron/shared/ipc/channels.js';
import type { ProfileList } from '../../../../../electron/shared/ipc/profile-types.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../../../electron/shared/ipc/settings.js';
import type { Bridge, PickedFile, StageOutcome } from '../../../../../renderer/src/bridge/dropsign-api.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { ok, profileView, recordingHost, renderInRouter, type Call, type Handlers } from '../../fake-host.js';

export { ok, profileView, refused, type Call } from '../../fake-host.js';

/** Answers by channel; a channel without one answers `{ ok: true, value: null }`. */
export type Answers = Handlers;

/** A bridge that records calls and stages files as the desktop does (by path), unless told otherwise. */
export interface FakeBridge extends Bridge {
  readonly calls: Call[];
  /** The calls on `channel`, their arguments only. */
  callsOn(channel: InvokeChannel): readonly (readonly unknown[])[];
}

/** A fake bridge answering from `answers`; `stage` replaces the staging (default: `/picked/<relativePath>` for each file). */
export function fakeBridge(answers: Answers = {}, stage?: (files: readonly PickedFile[]) => Promise<StageOutcome>): FakeBridge {
  const host = recordingHost(answers, {
    face: 'desktop',
    unanswered: ok(null),
    stager: {
      needsFileContents: false,
      stage: (files, onProgress) => {
        onProgress({ filesDone: files.length, filesTotal: files.length, bytesSent: 0, bytesTotal: 0 });
        return stage?.(files) ?? Promise.resolve({ paths: files.map((picked) => `/picked/${picked.relativePath}`), failures: [] });
      },
    },
  });
  return { ...host.bridge, calls: host.calls, callsOn: host.callsTo };
}

/** `local` (the default) and `prod` (prefix `team/`). */
export const PROFILES: ProfileList = {
  profiles: [profileView('local', { bucket: 'dropsign', builtIn: true, isDefault: true, secret: 'built-in' }), profileView('prod', { bucket: 'photos', keyPrefix: 'team/' })],
  defaultProfile: 'local',
};

/** Settings with a destination. */
export function settingsWith(fields: Partial<AppSettings> = {}): AppSettings {
  return { ...DEFAULT_SETTINGS, ...fields };
}

/** Empties the page's store (connection open, no settings), as a fresh page has it. */
export function resetStore(): void {
  appStore.setState(appStore.getInitialState(), true);
  appStore.getState().setConnection({ kind: 'open' });
}

/** Renders `ui` with `bridge` at hash address `path`; returns the render and the location's history. */
export function renderWith(ui: ReactNode, bridge: Bridge, path = '/'): RenderResult & { readonly history: readonly string[] } {
  return renderInRouter(ui, bridge, path);
}
