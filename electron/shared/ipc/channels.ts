/**
 * The contract between the renderer and the app: invoke channels (renderer → app, with argument tuples
 * and a typed result), and events (app → renderer). Electron main + preload and the browser-mode web host
 * carry exactly this, so one renderer talks to either.
 *
 * - Channels are `domain:verb`. Arguments are tuples, so parsing them also checks arity.
 * - Every reply is a {@link Result}: `{ ok: true, value }` or `{ ok: false, error }` with a typed
 *   ErrorInfo (code, sentence, hint; never a stack, never a secret). Channels with nothing to return
 *   answer `null`, which survives JSON (the web host), unlike `undefined`.
 * - No reply ever carries a secret: secrets only travel inward (`profiles:save`).
 * - Every argument is validated at run time (schemas.ts) before any service sees it.
 * - Progress arrives coalesced (about five batches a second for the whole queue); events arrive at once
 *   and in order. `seq` orders both: after a snapshot, drop anything with a `seq` at or below its own.
 *
 * This file has no runtime dependencies (the name lists and two guards only), so the sandboxed preload
 * and the renderer can import it.
 */
import type { ErrorInfo } from '../errors.js';
import type { ProgressBatch, TransferEvent, TransferId, TransferSnapshot } from '../transfer.js';
import type { AppInfo, Notice } from './app-types.js';
import type { DropPage, IssuedLinkList, IssuedLinksCsv, LinkInspection, LinkLimits, LinkRequest, LinkResult } from './link-types.js';
import type {
  ImportApplyRequest,
  ImportApplyResult,
  ImportPreview,
  ImportPreviewRequest,
  ProbeReportView,
  ProfileList,
  ProfileRemoveResult,
  ProfileSaveRequest,
  ProfileSaveResult,
  ProfileView,
} from './profile-types.js';
import type { AppSettings, Language, SettingsPatch } from './settings.js';
import type { EnqueueOutcome, EnqueueRequest, HistoryPage, HistoryQuery, SavedClipboardImage } from './transfer-requests.js';
import type { UnfinishedAbortRequest, UnfinishedAbortResult, UnfinishedListing, UnfinishedListRequest } from './unfinished-types.js';

/** The outcome of every invoke: a value, or a typed error. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

/** Every invoke channel, in the order the domains are listed in {@link InvokeMap}. */
export const INVOKE_CHANNELS = [
  'app:info',
  'transfers:enqueue',
  'transfers:pause',
  'transfers:resume',
  'transfers:cancel',
  'transfers:retry',
  'transfers:remove',
  'transfers:clear-finished',
  'transfers:snapshot',
  'clipboard:save-image',
  'profiles:list',
  'profiles:get',
  'profiles:save',
  'profiles:remove',
  'profiles:set-default',
  'profiles:test',
  'profiles:import-preview',
  'profiles:import-apply',
  'links:create',
  'links:limits',
  'links:list',
  'links:forget',
  'links:export-csv',
  'links:drop-page',
  'links:inspect',
  'history:list',
  'settings:get',
  'settings:set',
  'unfinished:list',
  'unfinished:abort',
] as const;

/** The name of an invoke channel. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/**
 * Each invoke channel's argument tuple and the value of its successful reply (the reply itself is
 * `Result<value>`, see {@link InvokeResult}). An `id` left out of a transfer control means every transfer.
 */
export interface InvokeMap {
  'app:info': { args: []; result: AppInfo };
  'transfers:enqueue': { args: [request: EnqueueRequest]; result: EnqueueOutcome };
  'transfers:pause': { args: [id?: TransferId | undefined]; result: null };
  'transfers:resume': { args: [id?: TransferId | undefined]; result: null };
  'transfers:cancel': { args: [id?: TransferId | undefined]; result: null };
  'transfers:retry': { args: [id?: TransferId | undefined]; result: null };
  /** Cancels (if moving) and drops the transfer; every transfer when `id` is absent. */
  'transfers:remove': { args: [id?: TransferId | undefined]; result: null };
  'transfers:clear-finished': { args: []; result: null };
  'transfers:snapshot': { args: []; result: TransferSnapshot };
  /**
   * Saves the image on the clipboard as a PNG in the app's clipboard folder and answers its path: for an
   * image pasted into the desktop window, whose bytes must not cross IPC (main reads the clipboard itself).
   * The desktop app only; browser mode sends a pasted image's bytes like any dropped file.
   */
  'clipboard:save-image': { args: []; result: SavedClipboardImage };
  'profiles:list': { args: []; result: ProfileList };
  'profiles:get': { args: [name: string]; result: ProfileView };
  'profiles:save': { args: [request: ProfileSaveRequest]; result: ProfileSaveResult };
  'profiles:remove': { args: [name: string]; result: ProfileRemoveResult };
  'profiles:set-default': { args: [name: string]; result: null };
  /** The default profile when `name` is absent. */
  'profiles:test': { args: [name?: string | undefined]; result: ProbeReportView };
  'profiles:import-preview': { args: [request?: ImportPreviewRequest | undefined]; result: ImportPreview };
  'profiles:import-apply': { args: [request: ImportApplyRequest]; result: ImportApplyResult };
  'links:create': { args: [request: LinkRequest]; result: LinkResult };
  /** What the link form may offer for a profile (the default one when absent): expiry cap and why, options. */
  'links:limits': { args: [profile?: string | undefined]; result: LinkLimits };
  /** The register of issued links, newest first. */
  'links:list': { args: []; result: IssuedLinkList };
  /** Drops one link from the register (it does not revoke it: a presigned link works until it expires). */
  'links:forget': { args: [id: string]; result: null };
  'links:export-csv': { args: []; result: IssuedLinksCsv };
  /**
   * The drop page of an issued upload link, in `language` (English when absent): one HTML file the
   * recipient opens in a browser to upload a file through the link. Refuses a download link, an id the
   * register does not hold and an expired link.
   */
  'links:drop-page': { args: [id: string, language?: Language | undefined]; result: DropPage };
  /**
   * Reads a presigned OSS or S3 URL, and checks its signature when a profile has its access key id. With
   * `serverAnswer` (the error body a recipient got back, e.g. SignatureDoesNotMatch XML), also explains
   * what went wrong, naming the header that differs from what the link signed.
   */
  'links:inspect': { args: [url: string, serverAnswer?: string | undefined]; result: LinkInspection };
  'history:list': { args: [query?: HistoryQuery | undefined]; result: HistoryPage };
  'settings:get': { args: []; result: AppSettings };
  /** Answers the settings after the change. */
  'settings:set': { args: [patch: SettingsPatch]; result: AppSettings };
  /**
   * The multipart uploads begun in the profile's bucket and never completed or aborted (every page of
   * ListMultipartUploads, up to 10,000), each marked when a queue on this machine will resume it.
   */
  'unfinished:list': { args: [request: UnfinishedListRequest]; result: UnfinishedListing };
  /**
   * Aborts the named uploads (their parts are deleted), each with its outcome. Refuses the whole request,
   * aborting nothing, when one of them is an upload a queue on this machine will resume.
   */
  'unfinished:abort': { args: [request: UnfinishedAbortRequest]; result: UnfinishedAbortResult };
}

/** The argument tuple of channel `C`. */
export type InvokeArgs<C extends InvokeChannel> = InvokeMap[C]['args'];

/** The value of a successful reply on channel `C`. */
export type InvokeValue<C extends InvokeChannel> = InvokeMap[C]['result'];

/** The reply on channel `C`. */
export type InvokeResult<C extends InvokeChannel> = Result<InvokeValue<C>>;

/** Every event channel (app → renderer). */
export const EVENT_CHANNELS = ['transfers:progress', 'transfers:events', 'app:notice'] as const;

/** The name of an event channel. */
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** The payload of each event channel. */
export interface EventMap {
  /** Coalesced progress for the whole queue, about five a second while anything moves. */
  'transfers:progress': ProgressBatch;
  /** Added, state and removed events, at once and in `seq` order (several when they happened together). */
  'transfers:events': readonly TransferEvent[];
  /** A toast: something the user should hear about that no request asked for. */
  'app:notice': Notice;
}

/** True when `value` names an invoke channel (for hosts that receive the name as data). */
export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

/** True when `value` names an event channel. */
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
