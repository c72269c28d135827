/**
 * Registers one `ipcMain.handle` per contract channel (electron/shared/ipc/channels.ts). Each call goes
 * through the same gate, in this order: the sender (trusted-senders.ts), then the arguments
 * (electron/shared/ipc/parse-args.ts), then the app services. Every reply is a Result, never a throw,
 * because Electron keeps only the `message` of an error thrown from a handler.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors.js';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeResult } from '../../shared/ipc/channels.js';
import { parseArgs } from '../../shared/ipc/parse-args.js';
import type { Disposable } from '../disposable.js';
import type { ServicesPort } from '../services-port.js';
import type { SenderEvent } from './trusted-senders.js';

/** The refusal every untrusted sender gets; it names nothing about the request. */
export const UNTRUSTED_SENDER_ERROR: ErrorInfo = {
  code: 'access-denied',
  message: 'This request did not come from a Dropsign window, so it was refused.',
  hint: 'If you did not expect this, restart Dropsign; if it happens again, please report it.',
};

/** What the handlers need. */
export interface InvokeHandlerDeps {
  readonly ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  readonly services: Pick<ServicesPort, 'invoke'>;
  readonly isTrusted: (event: SenderEvent) => boolean;
  /** Told of every successful reply (main keeps its copy of the settings this way). */
  readonly onReply?: (channel: InvokeChannel, result: InvokeResult<InvokeChannel>) => void;
}

/** Answers one invoke on `channel` with `raw` arguments from `event` (exported for tests). */
export async function answerInvoke(
  channel: InvokeChannel,
  event: SenderEvent,
  raw: readonly unknown[],
  deps: InvokeHandlerDeps,
): Promise<InvokeResult<InvokeChannel>> {
  if (!deps.isTrusted(event)) return { ok: false, error: UNTRUSTED_SENDER_ERROR };
  const parsed = parseArgs(channel, raw);
  if (!parsed.ok) return parsed;
  let result: InvokeResult<InvokeChannel>;
  try {
    result = await deps.services.invoke(channel, parsed.value);
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
  if (result.ok) deps.onReply?.(channel, result);
  return result;
}

/** Registers every contract channel exactly once; disposing removes them all. */
export function registerInvokeHandlers(deps: InvokeHandlerDeps): Disposable {
  for (const channel of INVOKE_CHANNELS) {
    deps.ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...raw: unknown[]) => answerInvoke(channel, event, raw, deps));
  }
  let registered = true;
  return {
    dispose: () => {
      if (!registered) return;
      registered = false;
      for (const channel of INVOKE_CHANNELS) deps.ipcMain.removeHandler(channel);
    },
  };
}
