/**
 * A fake host for the links screens' tests (the shared one in ../../fake-host.tsx, where a channel
 * without a handler answers the typed error the unfinished core answers), `renderWithBridge`, and the
 * links' fixtures.
 */
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import type { IssuedLinkView, LinkLimits, LinkResult } from '../../../../../electron/shared/ipc/link-types.js';
import type { ProfileList, ProfileView } from '../../../../../electron/shared/ipc/profile-types.js';
import type { Bridge } from '../../../../../renderer/src/bridge/dropsign-api.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { recordingHost, refused, renderInRouter, type Handlers, type RecordingHost } from '../../fake-host.js';

export { ok, profileView, type Call, type Handlers } from '../../fake-host.js';

/** What a channel the test gave no answer for replies: a host-side failure the screen must survive. */
export const HOST_FAILURE: ErrorInfo = { code: 'internal', message: 'Something went wrong inside Dropsign.', hint: 'Try again; if it keeps happening, restart Dropsign.' };

/** A failed reply. */
export const failed = refused;

/** A fake bridge answering with `handlers`, and the calls it received. */
export function fakeBridge(handlers: Handlers): RecordingHost {
  return recordingHost(handlers, { unanswered: refused(HOST_FAILURE) });
}

/**
 * Renders `ui` with `bridge`, at `path` of an in-memory router (`history` lists where it went), with the
 * page's store saying the connection is open, as bind-store.ts does once the host answers.
 */
export function renderWithBridge(ui: ReactElement, bridge: Bridge, path = '/'): RenderResult & { readonly history: string[] } {
  appStore.getState().setConnection({ kind: 'open' });
  return renderInRouter(ui, bridge, path);
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
