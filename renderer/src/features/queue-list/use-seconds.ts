/**
 * The clock, re-read every second while `ticking` (a "retrying in 3 sec" countdown); no timer otherwise.
 */
import { useEffect, useState } from 'react';

/** Why 1 s: the countdown shows whole seconds. */
const TICK_MS = 1000;

/** Now (ms), updated each second while `ticking`. */
export function useSeconds(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [ticking]);
  return now;
}
