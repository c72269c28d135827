/**
 * Browser mode's version of the desktop's "uploads finished" alerts, with the browser's own APIs: a
 * notification (when the user allowed them, and the `notifications` setting is on) and the last share link
 * on the clipboard (`copyLinkOnFinish`). The desktop app does both natively in main, so this stays quiet there.
 */
import { useEffect } from 'react';
import type { AppFace } from '../../../../electron/shared/ipc/app-types.js';
import { appStore } from '../../store/index.js';
import { queueDrain } from './queue-drain.js';

/** Asks once, on a user's gesture (a drop or a pick), whether notifications may be shown. */
export function askForNotifications(face: AppFace): void {
  if (face === 'browser' && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
}

/** Watches the queue and alerts when a run of uploads ends. */
export function useFinishAlerts(face: AppFace): void {
  useEffect(() => {
    if (face !== 'browser') return undefined;
    return appStore.subscribe((state, previous) => {
      if (state.transfers === previous.transfers || state.lastSeq < previous.lastSeq) return;
      const drain = queueDrain(previous.transfers, state.transfers);
      const settings = state.settings;
      if (drain === undefined || settings === undefined) return;
      if (settings.copyLinkOnFinish && drain.lastLink !== undefined) navigator.clipboard.writeText(drain.lastLink).catch(() => undefined);
      if (settings.notifications && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        const failed = drain.failed > 0 ? `, ${drain.failed} failed` : '';
        new Notification('Dropsign', { body: `${drain.done} uploaded${failed}.${drain.lastLink !== undefined && settings.copyLinkOnFinish ? ' The link is on the clipboard.' : ''}` });
      }
    });
  }, [face]);
}
