/**
 * A value that follows another once it has stopped changing for a while: a search box asks the host
 * once per pause in typing, not once per key.
 */
import { useEffect, useState } from 'react';

/** `value`, `delayMs` after its last change. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
