/**
 * The fake host every screen's component tests use: a bridge whose `api.invoke` answers each channel
 * with the handler a test gives and records every call, a render inside that bridge and an in-memory
 * router, the reply builders, and a stored profile as the host shows it. Features add their own
 * defaults and fixtures on top (links/fake-bridge.tsx, profiles/fake-host.tsx, upload/upload-harness.tsx).
 */
import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Route, Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { ErrorInfo } from '../../../electron/shared/errors.js';
import type { AppFace } from '../../../electron/shared/ipc/app-types.js';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../../electron/shared/ipc/channels.js';
import type { ProfileView } from '../../../electron/shared/ipc/profile-types.js';
import { BridgeContext } from '../../../renderer/src/app/bridge-context.js';
import type { Bridge, FileStager } from '../../../renderer/src/bridge/dropsign-api.js';

// Why 5 s for findBy/waitFor (1 s by default): the first render of a screen loads its modules, which a
// loaded 2-core machine can take longer than a second to do. Waits still end as soon as they are met.
configure({ asyncUtilTimeout: 5000 });

/** How a test answers each channel. */
export type Handlers = { readonly [C in InvokeChannel]?: (...args: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>> };

/** One recorded call. */
export interface Call {
  readonly channel: InvokeChannel;
  readonly args: readonly unknown[];
}

/** A successful reply. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A refusal. */
export function refused(error: ErrorInfo): { readonly ok: false; readonly error: ErrorInfo } {
  return { ok: false, error };
}

/** How the fake host differs between features. */
export interface FakeHostOptions {
  /** Which bridge the page sees (default: the browser's). */
  readonly face?: AppFace;
  /** The reply of a channel without a handler. */
  readonly unanswered: { readonly ok: true; readonly value: null } | { readonly ok: false; readonly error: ErrorInfo };
  /** How picked files are staged (default: the browser's, which stages nothing). */
  readonly stager?: FileStager;
}

/** A fake host: its bridge, and the calls the bridge received. */
export interface RecordingHost {
  readonly bridge: Bridge;
  readonly calls: Call[];
  /** The arguments of every call on `channel`, in order. */
  callsTo<C extends InvokeChannel>(channel: C): InvokeArgs<C>[];
}

/** A host answering with `handlers`, seen through a bridge that says it is always connected. */
export function recordingHost(handlers: Handlers, options: FakeHostOptions): RecordingHost {
  const calls: Call[] = [];
  const invoke = async <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> => {
    calls.push({ channel, args });
    const handler = handlers[channel] as ((...given: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>>) | undefined;
    return handler === undefined ? (options.unanswered as InvokeResult<C>) : handler(...args);
  };
  const bridge: Bridge = {
    face: options.face ?? 'browser',
    api: { invoke, on: () => () => undefined },
    stager: options.stager ?? { needsFileContents: true, stage: () => Promise.resolve({ paths: [], failures: [] }) },
    onStatus: (listener) => {
      listener({ kind: 'open' });
      return () => undefined;
    },
  };
  return {
    bridge,
    calls,
    callsTo: <C extends InvokeChannel>(channel: C) => calls.filter((call) => call.channel === channel).map((call) => call.args as InvokeArgs<C>),
  };
}

/**
 * Renders `ui` with `bridge` at `path` of an in-memory router (`history` lists where it went); `nest`
 * routes it as App does a screen with pages of its own.
 */
export function renderInRouter(ui: ReactNode, bridge: Bridge, path = '/', nest?: string): RenderResult & { readonly history: string[] } {
  const location = memoryLocation({ path, record: true });
  const result = render(
    <BridgeContext.Provider value={bridge}>
      <Router hook={location.hook}>
        {nest === undefined ? (
          ui
        ) : (
          <Route path={nest} nest>
            {ui}
          </Route>
        )}
      </Router>
    </BridgeContext.Provider>,
  );
  return Object.assign(result, { history: location.history });
}

/** A stored OSS profile with its secret in the keychain, in bucket `<name>-bucket`. */
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
