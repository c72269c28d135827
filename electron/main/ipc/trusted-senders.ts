/**
 * Which IPC senders main listens to (Electron security checklist #17): the web contents of the windows
 * Dropsign itself opened, and only their main frame while it shows one of our pages. A sub-frame, a page
 * that navigated elsewhere, or any other web contents is refused.
 */
import type { WebContents, WebFrameMain } from 'electron';
import { isAppUrl } from '../app-origin.js';
import type { Disposable } from '../disposable.js';

/** The parts of an IPC event the check reads (IpcMainEvent and IpcMainInvokeEvent both have them). */
export interface SenderEvent {
  readonly sender: Pick<WebContents, 'id'>;
  readonly senderFrame: Pick<WebFrameMain, 'parent' | 'url'> | null;
}

/** See the module comment. */
export class TrustedSenders {
  readonly #ids = new Set<number>();

  /** Trusts `contents` until it is destroyed or the returned disposable is disposed. */
  add(contents: WebContents): Disposable {
    const id = contents.id;
    this.#ids.add(id);
    const forget = (): void => {
      this.#ids.delete(id);
    };
    contents.once('destroyed', forget);
    return { dispose: forget };
  }

  /** True when the event comes from the main frame of a trusted web contents showing an `app://dropsign` page. */
  isTrusted(event: SenderEvent): boolean {
    const frame = event.senderFrame;
    return this.#ids.has(event.sender.id) && frame !== null && frame.parent === null && isAppUrl(frame.url);
  }
}
