/**
 * Turns queue changes into polite announcements (announcements.ts), at most one every few seconds: the
 * end of a run is always said at once (it replaces anything waiting); other news waits its turn and is
 * then said with the counts of that moment.
 */
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../../store/index.js';
import { selectQueueCounts, type QueueCounts } from '../../store/selectors.js';
import { announcementFor, type Announcement, type RunCounts } from './announcements.js';

/** Why 5 s: room for a screen reader to finish a sentence, and rare enough not to crowd the user's reading. */
export const MIN_GAP_MS = 5000;

function runCounts(counts: QueueCounts): RunCounts {
  return { all: counts.all, done: counts.done, failed: counts.failedOnly, moving: counts.pausable };
}

/** The sentence for `announcement`. */
export function describeAnnouncement(announcement: Announcement, t: TFunction<'upload'>): string {
  switch (announcement.kind) {
    case 'finished':
      return announcement.failed > 0
        ? t('announce.finishedFailed', { count: announcement.all, done: announcement.done, failed: announcement.failed })
        : t('announce.finished', { count: announcement.all, done: announcement.done });
    case 'failed':
      return t('announce.failed', { count: announcement.failed });
    case 'progress':
      return t('announce.progress', { count: announcement.all, done: announcement.done });
  }
}

/** The text of the last announcement ('' before the first). */
export function useProgressAnnouncer(): string {
  const { t } = useTranslation('upload');
  const [text, setText] = useState('');
  // The subscription lives as long as the screen; it reads the current language through this.
  const translate = useRef(t);
  translate.current = t;

  useEffect(() => {
    let previous = runCounts(selectQueueCounts(appStore.getState()));
    let lastSaid = 0;
    let waiting: ReturnType<typeof setTimeout> | undefined;
    const say = (announcement: Announcement): void => {
      lastSaid = Date.now();
      setText(describeAnnouncement(announcement, translate.current));
    };
    const unsubscribe = appStore.subscribe((state) => {
      const next = runCounts(selectQueueCounts(state));
      const due = announcementFor(previous, next);
      previous = next;
      if (due === undefined) return;
      if (due.kind === 'finished' || Date.now() - lastSaid >= MIN_GAP_MS) {
        clearTimeout(waiting);
        waiting = undefined;
        say(due);
        return;
      }
      if (waiting !== undefined) return;
      waiting = setTimeout(() => {
        waiting = undefined;
        const now = runCounts(selectQueueCounts(appStore.getState()));
        // The run ended meanwhile: its own announcement was said.
        if (now.moving === 0) return;
        say(due.kind === 'failed' ? { kind: 'failed', failed: now.failed } : { kind: 'progress', done: now.done, all: now.all });
      }, MIN_GAP_MS - (Date.now() - lastSaid));
    });
    return () => {
      unsubscribe();
      clearTimeout(waiting);
    };
  }, []);
  return text;
}
