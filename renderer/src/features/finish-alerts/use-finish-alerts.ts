/**
 * Browser mode's version of the desktop's "uploads finished" alerts, with the browser's own APIs: a
 * notification (when the user allowed them, and the `notifications` setting is on) and the last share link
 * on the clipboard (`copyLinkOnFinish`). The desktop app does both natively in main, so this stays quiet there.
 */
import { useEffect } from 'react';
import type { AppFace } from '../../../../electron/shared/ipc/app-types.js';
import { currentLanguage, i18n } from '../../i18n/index.js';
import { appStore } from '../../store/index.js';
import { queueDrain, type QueueDrain } from './queue-drain.js';

/** Asks once, on a user's gesture (a drop or a pick), whether notifications may be shown. */
export function askForNotifications(face: AppFace): void {
  if (face === 'browser' && typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission();
}

/** The notification's text, in the interface's language: `3 files uploaded. 1 failed. The link is on the clipboard.` */
export function finishMessage(drain: QueueDrain, linkCopied: boolean): string {
  const t = i18n.getFixedT(currentLanguage(), 'upload');
  const parts: string[] = [t('notify.done', { count: drain.done })];
  if (drain.failed > 0) parts.push(t('notify.failed', { count: drain.failed }));
  if (linkCopied) parts.push(t('notify.linkCopied'));
  return parts.join(t('notify.separator'));
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
        new Notification('Dropsign', { body: finishMessage(drain, drain.lastLink !== undefined && settings.copyLinkOnFinish) });
      }
    });
  }, [face]);
}
