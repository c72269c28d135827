/**
 * The queue's polite live region: milestones for screen readers (use-progress-announcer.ts), invisible
 * on screen, where the totals bar already shows the same.
 */
import { useProgressAnnouncer } from './use-progress-announcer.js';

/** The live region. */
export function ProgressAnnouncer() {
  const text = useProgressAnnouncer();
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="announcer">
      {text}
    </p>
  );
}
