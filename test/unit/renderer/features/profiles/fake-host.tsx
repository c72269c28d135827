/**
 * A fake host for the profiles, history and settings screens' tests: the shared one
 * (../../fake-host.tsx), where a channel without a handler answers a typed error so an unexpected call
 * shows; `renderScreen` draws a screen inside the bridge and an in-memory router, and `resetStore` puts
 * the page store in a known state.
 */
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import type { AppFace, AppInfo, KeychainStatus } from '../../../../../electron/shared/ipc/app-types.js';
import type { ProbeReportView, ProfileList, ProfileView } from '../../../../../electron/shared/ipc/profile-types.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../../../electron/shared/ipc/settings.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { profileView as anyProfileView, recordingHost, refused, renderInRouter, type Handlers, type RecordingHost } from '../../fake-host.js';

export { ok, refused, type Handlers } from '../../fake-host.js';

/** The answer of a channel the test did not expect to be called. */
const UNEXPECTED: ErrorInfo = { code: 'internal', message: 'The fake host has no answer for this channel.', hint: 'Give the test a handler for it.' };

/** A fake host. */
export type FakeHost = RecordingHost;

/** A host answering with `handlers`, seen through a bridge of `face`. */
export function fakeHost(handlers: Handlers, face: AppFace = 'browser'): FakeHost {
  return recordingHost(handlers, { face, unanswered: refused(UNEXPECTED) });
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
  return renderInRouter(screen, host.bridge, path, nest);
}

/** A stored OSS profile with its secret in the keychain, in bucket `photos`. */
export function profileView(name: string, fields: Partial<ProfileView> = {}): ProfileView {
  return anyProfileView(name, { bucket: 'photos', accessKeyId: 'LTAI5tExampleKeyId', ...fields });
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
