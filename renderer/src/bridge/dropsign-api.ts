/**
 * What the renderer talks to: the contract (electron/shared/ipc) through one API, whichever host serves
 * the page. The desktop preload exposes {@link DropsignApi} as `window.dropsign`; in browser mode the
 * WebSocket client implements it. Only bridge/ touches it; components go through the store and hooks.
 */
import type { AppFace } from '../../../electron/shared/ipc/app-types.js';
import type { EventChannel, EventMap, InvokeArgs, InvokeChannel, InvokeResult } from '../../../electron/shared/ipc/channels.js';
import type { DropsignApi as PreloadApi } from '../../../electron/preload/dropsign-api.js';

/** The preload's API shape (and the browser-mode client's). */
export interface DropsignApi {
  /** One contract call; always resolves to a Result (a lost connection is an error Result too). */
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  /** Listens to an event channel; returns the function that stops listening. */
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Desktop only: the real path of a dropped or picked file or folder (`''` when it has none). */
  pathForFile?(file: File): string;
}

/** Accepts `true` only. */
type Assert<T extends true> = T;

/**
 * Compile-time proof that what the desktop preload exposes (electron/preload/dropsign-api.ts) is a
 * {@link DropsignApi}: a preload that drifts from the renderer fails the renderer's typecheck.
 */
export type PreloadApiFits = Assert<PreloadApi extends DropsignApi ? true : false>;

/** Whether the host can be reached. After every `open`, the page takes a fresh snapshot. */
export type ConnectionStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'open' }
  /** Lost; trying again (`attempt` counts the tries since it was last open). */
  | { readonly kind: 'reconnecting'; readonly attempt: number }
  /** Browser mode opened without its token: nothing can be reached. */
  | { readonly kind: 'no-token' };

/** A file the user dropped or picked, with where it sits in what was dropped (`folder/sub/name`, or its name). */
export interface PickedFile {
  readonly file: File;
  readonly relativePath: string;
  /**
   * `paste` for a file pasted from the clipboard (an image copied from another app has no file on disk; the
   * desktop app then asks main to save the clipboard's image). Absent for dropped and picked files.
   */
  readonly origin?: 'paste';
}

/** How far staging has got (browser mode copies the bytes to the host first). */
export interface StageProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesSent: number;
  readonly bytesTotal: number;
}

/** What staging gave: the paths to enqueue (all of them, also those handed over early), and the files that could not be staged, with why. */
export interface StageOutcome {
  readonly paths: readonly string[];
  readonly failures: readonly { readonly relativePath: string; readonly message: string }[];
}

/** Turns picked files into what `transfers:enqueue` takes: real paths (desktop) or spool references (browser). */
export interface FileStager {
  /** True when dropped folders must be walked in the page (browser mode); the desktop host walks them itself. */
  readonly needsFileContents: boolean;
  /**
   * Stages `files`. A stager that works in batches (browser mode) hands each batch's paths to `onStaged`
   * as soon as they are ready, in the order of `files`, so they can be enqueued while the rest is staged;
   * each path is handed over once, and the outcome lists them all again.
   */
  stage(files: readonly PickedFile[], onProgress: (progress: StageProgress) => void, onStaged?: (paths: readonly string[]) => void): Promise<StageOutcome>;
}

/** The page's connection to its host. */
export interface Bridge {
  readonly face: AppFace;
  readonly api: DropsignApi;
  readonly stager: FileStager;
  /** Tells `listener` the status now and every change; returns the function that stops telling. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}
