/**
 * Builds the `window.dropsign` API over the preload's Electron modules (passed in, so tests need no
 * Electron). The allowlist is the contract's own channel lists (electron/shared/ipc/channels.ts): a name
 * outside it never reaches `ipcRenderer`. Event listeners get the payload only, never the
 * IpcRendererEvent (which would hand the page `event.sender`, an ipcRenderer).
 */
import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import type { ErrorInfo } from '../shared/errors.js';
import { isEventChannel, isInvokeChannel, type EventChannel, type EventMap, type InvokeChannel, type InvokeResult } from '../shared/ipc/channels.js';
import type { DropsignApi } from './dropsign-api.js';

/** The Electron parts the API uses. */
export interface PreloadElectron {
  readonly ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
  readonly webUtils: Pick<WebUtils, 'getPathForFile'>;
}

function unknownChannel(channel: unknown): ErrorInfo {
  return {
    code: 'invalid-argument',
    message: `There is no request named ${JSON.stringify(String(channel).slice(0, 64))}.`,
    hint: 'This is a bug in Dropsign; please report it.',
  };
}

function noAnswer(channel: string, error: unknown): ErrorInfo {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Dropsign's main process did not answer ${channel} (${reason.slice(0, 200)}).`,
    hint: 'Restart Dropsign; if it happens again, please report it.',
  };
}

/** See the module comment. */
export function createDropsignApi({ ipcRenderer, webUtils }: PreloadElectron): DropsignApi {
  return Object.freeze({
    face: 'desktop' as const,
    async invoke<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<InvokeResult<C>> {
      if (!isInvokeChannel(channel)) return { ok: false, error: unknownChannel(channel) };
      try {
        return (await ipcRenderer.invoke(channel, ...args)) as InvokeResult<C>;
      } catch (error) {
        return { ok: false, error: noAnswer(channel, error) };
      }
    },
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (!isEventChannel(event)) throw new TypeError(`There is no event named ${JSON.stringify(String(event).slice(0, 64))}.`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const forward = (_event: IpcRendererEvent, payload: EventMap[E]): void => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
    pathForFile(file: File): string {
      return webUtils.getPathForFile(file);
    },
  });
}
