/**
 * A fake host for the profiles, history and settings screens' tests: `api.invoke` answers each channel
 * with the handler the test gives (a channel without one answers a typed error, so an unexpected call
 * shows), every call is recorded, and `renderScreen` draws a screen inside the bridge, an in-memory
 * router and a page store reset to a known state.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import type { AppFace, AppInfo, KeychainStatus } from '../../../../../electron/shared/ipc/app-types.js';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../../../../electron/shared/ipc/channels.js';
import type { ProbeReportView, ProfileList, ProfileView } from '../../../../../electron/shared/ipc/profile-types.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../../../electron/shared/ipc/settings.js';
import { BridgeContext } from '../../../../../renderer/src/app/bridge-context.js';
import type { Bridge } from '../../../../../renderer/src/bridge/dropsign-api.js';
import { appStore } from '../../../../../renderer/src/store/index.js';

/** How a test answers each channel. */
export type Handlers = { readonly [C in InvokeChannel]?: (...args: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>> };

/** A successful reply. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A refusal. */
export function refused(error: ErrorInfo): { readonly ok: false; readonly error: ErrorInfo } {
  return { ok: false, error };
}

/** The answer of a channel the test did not expect to be called. */
const UNEXPECTED: ErrorInfo = { code: 'internal', message: 'The fake host has no answer for this channel.', hint: 'Give the test a handler for it.' };

/** A fake host. */
export interface FakeHost {
  readonly bridge: Bridge;
  /** The arguments of every call on `channel`, in order. */
  callsTo<C extends InvokeChannel>(channel: C): InvokeArgs<C>[];
}

/** A host answering with `handlers`, seen through a bridge of `face`. */
export function fakeHost(handlers: Handlers, face: AppFace = 'browser'): FakeHost {
  const calls: { channel: InvokeChannel; args: readonly unknown[] }[] = [];
  const invoke = async <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> => {
    calls.push({ channel, args });
    const handler = handlers[channel] as ((...given: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>>) | undefined;
    return handler === undefined ? refused(UNEXPECTED) : handler(...args);
  };
  return {
    bridge: {
      face,
      api: { invoke, on: () => () => undefined },
      stager: { needsFileContents: true, stage: () => Promise.resolve({ paths: [], failures: [] }) },
      onStatus: (listener) => {
        listener({ kind: 'open' });
        return () => undefined;
      },
    },
    callsTo: <C extends InvokeChannel>(channel: C) => calls.filter((call) => call.channel === channel).map((call) => call.args as InvokeArgs<C>),
  };
}

/** What the app says about itself, with the keychain in `keychain`'s state. */
export function appInfo(keychain: KeychainStatus = { kind: 'available' }): AppInfo {
  return {
    name: 'Dropsign',
    version: '0.0.0',
    platform: 'linux',
    face: 'browser',
    dataDir: '/data',
    keychain,
    localBucket: { kind: 'running', endpoint: 'http://127.0.0.1:47110', bucket: 'dropsign', preferredPortTaken: false },
    defaultProfile: 'local',
    notices: [],
  };
}

/** Puts the page store in a known state: the app's info and the settings, and an empty queue. */
export function resetStore(settings: AppSettings = DEFAULT_SETTINGS, info: AppInfo = appInfo()): void {
  appStore.setState({ settings, info, transfers: new Map(), order: [] });
}

/** Draws `screen` with `host` at `path` (`nest` routes it as App does the profiles screen). */
export function renderScreen(screen: ReactElement, host: FakeHost, path: string, nest?: string): RenderResult & { readonly history: string[] } {
  const location = memoryLocation({ path, record: true });
  const result = render(
    <BridgeContext.Provider value={host.bridge}>
      <Router hook={location.hook}>{nest === undefined ? screen : <Route path={nest} nest>{screen}</Route>}</Router>
    </BridgeContext.Provider>,
  );
  return Object.assign(result, { history: location.history });
}

/** A stored OSS profile with its secret in the keychain. */
export function profileView(name: string, fields: Partial<ProfileView> = {}): ProfileView {
  return {
    name,
    provider: 'oss',
    scheme: 'oss-v4',
    region: 'cn-hangzhou',
    endpoint: { kind: 'public' },
    style: 'virtual-hosted',
    bucket: 'photos',
    keyPrefix: '',
    linkExpirySeconds: 3600,
    accessKeyId: 'LTAI5tExampleKeyId',
    secretStore: 'keychain',
    endpointUrl: 'https://oss-cn-hangzhou.aliyuncs.com',
    builtIn: false,
    isDefault: false,
    secret: 'stored',
    ...fields,
  };
}

/** The built-in local profile. */
export const LOCAL_PROFILE: ProfileView = profileView('local', {
  endpoint: { kind: 'custom', url: 'http://127.0.0.1:47110' },
  endpointUrl: 'http://127.0.0.1:47110',
  style: 'path',
  bucket: 'dropsign',
  accessKeyId: 'DSLBlocalKeyId',
  builtIn: true,
  secret: 'built-in',
});

/** A list holding `profiles` after the local one; the default is the one marked so, else local. */
export function profileList(...profiles: ProfileView[]): ProfileList {
  const chosen = profiles.find((profile) => profile.isDefault)?.name ?? 'local';
  return { profiles: [{ ...LOCAL_PROFILE, isDefault: chosen === 'local' }, ...profiles], defaultProfile: chosen };
}

/** A test report of `profile` that passed. */
export function passedReport(profile: string, fields: { clockOffsetMs?: number; requestId?: string } = {}): ProbeReportView {
  return { profile, endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', route: 'direct', warnings: [], ok: true, elapsedMs: 42, ...fields };
}

/** A test report of `profile` that failed with `problem`. */
export function failedReport(profile: string, problem: ErrorInfo): ProbeReportView {
  return { profile, endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', route: 'direct', warnings: [], ok: false, problem };
}
