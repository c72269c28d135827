/**
 * The clock, ticking: re-renders the component every `intervalMs` with the time now, so countdowns and
 * active/expired states follow the clock without a reload.
 */
import { useEffect, useState } from 'react';

/** Why 1 s: countdowns show seconds. */
const DEFAULT_INTERVAL_MS = 1000;

/** Milliseconds since the epoch, refreshed every `intervalMs`. */
export function useNow(intervalMs = DEFAULT_INTERVAL_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
