/**
 * Closing and quitting while uploads run. Closing the main window then hides it to the tray, so uploads go
 * on; quitting asks first. Whatever the answer, nothing is lost: the app services are closed before the
 * process exits, which stops the engine and keeps its resumable state (queue, multipart checkpoints) on
 * disk, so the uploads continue at the next start.
 */
import type { App, BrowserWindow, Dialog } from 'electron';
import type { Disposable } from './disposable.js';

/** What closing the main window does: `hide` to the tray while uploads run, else `close`. */
export function decideWindowClose(state: { readonly quitting: boolean; readonly activeUploads: number }): 'close' | 'hide' {
  return !state.quitting && state.activeUploads > 0 ? 'hide' : 'close';
}

/** The question asked before quitting with `active` uploads running; true when the user chose to quit. */
export async function confirmQuitDialog(
  dialog: Pick<Dialog, 'showMessageBox'>,
  active: number,
  parent?: BrowserWindow,
): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Quit', 'Keep Uploading'],
    defaultId: 1,
    cancelId: 1,
    message: active === 1 ? 'An upload is still running.' : `${active} uploads are still running.`,
    detail: 'If you quit now, they stop and continue from where they were the next time you open Dropsign.',
  };
  const { response } = parent === undefined ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options);
  return response === 0;
}

/** What the guard needs. */
export interface QuitGuardDeps {
  readonly app: Pick<App, 'on' | 'removeListener' | 'quit'>;
  /** Uploads running now. */
  readonly activeUploads: () => number;
  /** Asks the user; true to quit. */
  readonly confirm: (active: number) => Promise<boolean>;
  /** Shuts the services down (keeping resumable state). Errors are reported and do not stop the quit. */
  readonly shutdown: () => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

/** See the module comment. */
export class QuitGuard implements Disposable {
  readonly #deps: QuitGuardDeps;
  #phase: 'running' | 'asking' | 'shutting-down' | 'done' = 'running';
  readonly #onBeforeQuit = (event: Electron.Event): void => this.#beforeQuit(event);

  constructor(deps: QuitGuardDeps) {
    this.#deps = deps;
    deps.app.on('before-quit', this.#onBeforeQuit);
  }

  /** True once a quit has been decided: windows then close for real instead of hiding. */
  get quitting(): boolean {
    return this.#phase === 'shutting-down' || this.#phase === 'done';
  }

  dispose(): void {
    this.#deps.app.removeListener('before-quit', this.#onBeforeQuit);
  }

  #beforeQuit(event: Electron.Event): void {
    if (this.#phase === 'done') return;
    event.preventDefault();
    if (this.#phase !== 'running') return;
    void this.#run();
  }

  async #run(): Promise<void> {
    const active = this.#deps.activeUploads();
    if (active > 0) {
      this.#phase = 'asking';
      let quit = false;
      try {
        quit = await this.#deps.confirm(active);
      } catch (error) {
        this.#deps.onError?.(error);
      }
      if (!quit) {
        this.#phase = 'running';
        return;
      }
    }
    this.#phase = 'shutting-down';
    try {
      await this.#deps.shutdown();
    } catch (error) {
      this.#deps.onError?.(error);
    }
    this.#phase = 'done';
    this.#deps.app.quit();
  }
}
