/**
 * What the upload screen's component tests render with: a fake bridge that records every call and
 * answers from a table, the page's store reset to empty, and a router at a chosen address.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../../../../electron/shared/ipc/channels.js';
import type { ProfileList, ProfileView } from '../../../../../electron/shared/ipc/profile-types.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../../../electron/shared/ipc/settings.js';
import { BridgeContext } from '../../../../../renderer/src/app/bridge-context.js';
import type { Bridge, PickedFile, StageOutcome } from '../../../../../renderer/src/bridge/dropsign-api.js';
import { appStore } from '../../../../../renderer/src/store/index.js';

/** One recorded call. */
export interface Call {
  readonly channel: InvokeChannel;
  readonly args: readonly unknown[];
}

/** Answers by channel; a channel without one answers `{ ok: true, value: null }`. */
export type Answers = { readonly [C in InvokeChannel]?: (...args: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>> };

/** A bridge that records calls and stages files as the desktop does (by path), unless told otherwise. */
export interface FakeBridge extends Bridge {
  readonly calls: Call[];
  /** The calls on `channel`, their arguments only. */
  callsOn(channel: InvokeChannel): readonly (readonly unknown[])[];
}

/** A fake bridge answering from `answers`; `stage` replaces the staging (default: `/picked/<relativePath>` for each file). */
export function fakeBridge(answers: Answers = {}, stage?: (files: readonly PickedFile[]) => Promise<StageOutcome>): FakeBridge {
  const calls: Call[] = [];
  return {
    face: 'desktop',
    calls,
    callsOn: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.args),
    api: {
      invoke(channel, ...args) {
        calls.push({ channel, args });
        const answer = answers[channel] as ((...values: unknown[]) => unknown) | undefined;
        return Promise.resolve(answer === undefined ? { ok: true, value: null } : answer(...args)) as never;
      },
      on: () => () => undefined,
    },
    stager: {
      needsFileContents: false,
      stage: (files, onProgress) => {
        onProgress({ filesDone: files.length, filesTotal: files.length, bytesSent: 0, bytesTotal: 0 });
        return stage?.(files) ?? Promise.resolve({ paths: files.map((picked) => `/picked/${picked.relativePath}`), failures: [] });
      },
    },
    onStatus: (listener) => {
      listener({ kind: 'open' });
      return () => undefined;
    },
  };
}

/** A successful answer. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A refusal. */
export function refused(error: ErrorInfo): { readonly ok: false; readonly error: ErrorInfo } {
  return { ok: false, error };
}

/** A profile as `profiles:list` shows it. */
export function profileView(name: string, fields: Partial<ProfileView> = {}): ProfileView {
  return {
    name,
    provider: 'oss',
    scheme: 'oss-v4',
    region: 'cn-hangzhou',
    endpoint: { kind: 'public' },
    style: 'virtual-hosted',
    bucket: `${name}-bucket`,
    keyPrefix: '',
    linkExpirySeconds: 3600,
    accessKeyId: 'LTAI5tEXAMPLE',
    secretStore: 'keychain',
    endpointUrl: 'https://oss-cn-hangzhou.aliyuncs.com',
    builtIn: false,
    isDefault: false,
    secret: 'stored',
    ...fields,
  };
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
  const location = memoryLocation({ path, record: true });
  const result = render(
    <BridgeContext.Provider value={bridge}>
      <Router hook={location.hook}>{ui}</Router>
    </BridgeContext.Provider>,
  );
  return Object.assign(result, { history: location.history ?? [] });
}
