/**
 * A fake host for the links screens' tests: `api.invoke` answers each channel with the handler a test
 * gives (a channel without one answers the typed error the unfinished core answers), and every call is
 * recorded. `renderWithBridge` renders a screen inside the bridge and an in-memory router.
 */
import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../../../../electron/shared/ipc/channels.js';
import type { IssuedLinkView, LinkLimits, LinkResult } from '../../../../../electron/shared/ipc/link-types.js';
import type { ProfileList, ProfileView } from '../../../../../electron/shared/ipc/profile-types.js';
import { BridgeContext } from '../../../../../renderer/src/app/bridge-context.js';
import type { Bridge } from '../../../../../renderer/src/bridge/dropsign-api.js';
import { appStore } from '../../../../../renderer/src/store/index.js';

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

/** The error the core answers for channels not built yet. */
export const NOT_YET: ErrorInfo = { code: 'internal', message: 'This part of the links service is not built yet.', hint: 'Update Dropsign.' };

/** A successful reply. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed reply. */
export function failed(error: ErrorInfo): { readonly ok: false; readonly error: ErrorInfo } {
  return { ok: false, error };
}

/** A fake bridge answering with `handlers`, and the calls it received. */
export function fakeBridge(handlers: Handlers): { readonly bridge: Bridge; readonly calls: Call[]; callsTo<C extends InvokeChannel>(channel: C): InvokeArgs<C>[] } {
  const calls: Call[] = [];
  const invoke = async <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> => {
    calls.push({ channel, args });
    const handler = handlers[channel] as ((...given: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>>) | undefined;
    return handler === undefined ? failed(NOT_YET) : handler(...args);
  };
  const bridge: Bridge = {
    face: 'browser',
    api: { invoke, on: () => () => undefined },
    stager: { needsFileContents: true, stage: () => Promise.resolve({ paths: [], failures: [] }) },
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
 * Renders `ui` with `bridge`, at `path` of an in-memory router (`history` lists where it went), with the
 * page's store saying the connection is open, as bind-store.ts does once the host answers.
 */
export function renderWithBridge(ui: ReactElement, bridge: Bridge, path = '/'): RenderResult & { readonly history: string[] } {
  appStore.getState().setConnection({ kind: 'open' });
  const location = memoryLocation({ path, record: true });
  const result = render(
    <BridgeContext.Provider value={bridge}>
      <Router hook={location.hook}>{ui}</Router>
    </BridgeContext.Provider>,
  );
  return Object.assign(result, { history: location.history });
}

/** A profile view with everything a form needs. */
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

/** `profiles:list` with `profiles`, the first being the default. */
export function profileList(...profiles: ProfileView[]): ProfileList {
  return { profiles, defaultProfile: profiles[0]?.name ?? 'local' };
}

/** `links:limits` of an OSS profile with seven days' validity. */
export function ossLimits(profile: string, fields: Partial<LinkLimits> = {}): LinkLimits {
  return {
    profile,
    provider: 'oss',
    scheme: 'oss-v4',
    bucket: `${profile}-bucket`,
    maxExpirySeconds: 604_800,
    cap: { kind: 'signature-max' },
    capReason: 'A V4 signature is valid for 7 days at most.',
    storageClasses: ['Standard', 'IA', 'Archive'],
    supportsProcess: true,
    supportsCallback: true,
    keyPrefix: '',
    ...fields,
  };
}

/** A link result as `links:create` answers, expiring at `expiresAt`. */
export function linkResult(fields: Partial<LinkResult> = {}): LinkResult {
  const url = 'https://photos.oss-cn-hangzhou.aliyuncs.com/inbox/report.pdf?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-signature=abc';
  return {
    url,
    method: 'PUT',
    headers: { 'content-type': 'application/pdf', 'x-oss-meta-from': 'alice' },
    expiresAt: '2026-11-21T09:00:00.000Z',
    signedAt: '2026-11-21T08:00:00.000Z',
    profile: 'prod',
    bucket: 'photos',
    key: 'inbox/report.pdf',
    warnings: [],
    snippets: {
      curl: `curl -X PUT -H 'content-type: application/pdf' --upload-file report.pdf '${url}'`,
      powershell: `Invoke-WebRequest -Method Put -InFile report.pdf -Uri '${url}'`,
      python: `requests.put('${url}', data=open('report.pdf', 'rb'))`,
      fetch: `await fetch('${url}', { method: 'PUT' })`,
    },
    ...fields,
  };
}

/** An issued link. */
export function issuedLink(id: string, fields: Partial<IssuedLinkView> = {}): IssuedLinkView {
  return {
    id,
    issuedAt: '2026-11-21T08:00:00.000Z',
    url: `https://photos.oss-cn-hangzhou.aliyuncs.com/${id}?x-oss-signature=abc`,
    method: 'GET',
    headers: {},
    expiresAt: '2026-11-21T09:00:00.000Z',
    signedAt: '2026-11-21T08:00:00.000Z',
    profile: 'prod',
    bucket: 'photos',
    key: `files/${id}.txt`,
    ...fields,
  };
}


/** The text of the elements `element` is described by (`aria-describedby`), as a screen reader reads it. */
export function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '');
  return ids
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .filter((text) => text !== '')
    .join(' ');
}
