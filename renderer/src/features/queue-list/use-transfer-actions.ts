/**
 * Retry and cancel for one row, through the bridge; a refusal becomes a notice.
 */
import { useMemo } from 'react';
import { useBridge } from '../../app/bridge-context.js';
import type { TransferId } from '../../../../electron/shared/transfer.js';
import type { Result } from '../../../../electron/shared/ipc/channels.js';
import { appStore } from '../../store/index.js';

function report(result: Result<unknown>): void {
  if (!result.ok) appStore.getState().pushNotice({ level: 'error', code: result.error.code, message: result.error.message, hint: result.error.hint });
}

/** The actions of transfer `id`. */
export function useTransferActions(id: TransferId): { readonly retry: () => void; readonly cancel: () => void } {
  const { api } = useBridge();
  return useMemo(
    () => ({
      retry: () => void api.invoke('transfers:retry', id).then(report),
      cancel: () => void api.invoke('transfers:cancel', id).then(report),
    }),
    [api, id],
  );
}
