/**
 * The API the preload exposes to the renderer as `window.dropsign` (types only, so the renderer can import
 * it). Small and named (Electron security checklist #20): the contract's invoke channels, the contract's
 * events, and a file's path on disk; never `ipcRenderer` itself.
 */
import type { EventChannel, EventMap, InvokeArgs, InvokeChannel, InvokeResult } from '../shared/ipc/channels.js';

/** See the module comment. */
export interface DropsignApi {
  /** Which host the page runs in (browser mode has no `window.dropsign`). */
  readonly face: 'desktop';
  /**
   * Calls a contract channel; always resolves to a Result (a channel outside the contract, or a main
   * process that does not answer, is an error Result, never a rejection).
   */
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>>;
  /** Listens to a contract event (the payload only); returns the function that stops listening. */
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /**
   * The absolute path of a dropped or picked file (`webUtils.getPathForFile`): what `transfers:enqueue`
   * takes, so file bytes never cross IPC. Empty for a File made in the page (no file on disk).
   */
  pathForFile(file: File): string;
}

/** The name the API is exposed under: `window.dropsign`. */
export const DROPSIGN_API_KEY = 'dropsign';
