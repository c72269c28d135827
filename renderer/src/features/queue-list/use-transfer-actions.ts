/**
 * Runs a row's controls through the bridge; a refusal becomes a notice (the queue shows the rest, through
 * the engine's events).
 */
import { useCallback } from 'react';
import type { TransferId } from '../../../../electron/shared/transfer.js';
import { useBridge } from '../../app/bridge-context.js';
import { appStore } from '../../store/index.js';
import { ACTION_CHANNELS, type RowAction } from './row-actions.js';

/** The function that runs `action` on transfer `id`. */
export function useTransferAction(id: TransferId): (action: RowAction) => void {
  const { api } = useBridge();
  return useCallback(
    (action: RowAction) => {
      void api.invoke(ACTION_CHANNELS[action], id).then((result) => {
        if (!result.ok) appStore.getState().pushNotice({ level: 'error', code: result.error.code, message: result.error.message, hint: result.error.hint });
      });
    },
    [api, id],
  );
}
