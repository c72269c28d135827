/**
 * Peak resident memory of a child process, read from Linux's /proc/PID/status (`VmHWM`, the high-water mark,
 * which the kernel keeps, so polling cannot miss a short spike as long as one poll lands before exit).
 */
import { readFile } from 'node:fs/promises';

/** Why 50 ms: frequent enough that the last poll lands close to the process's exit. */
const POLL_MS = 50;

/** Polls a process's peak RSS until `stop()`; `peakMiB()` is undefined where /proc is not available. */
export function watchPeakRss(pid: number): { stop(): void; peakMiB(): number | undefined } {
  let peakKiB: number | undefined;
  const poll = async (): Promise<void> => {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
      if (match !== null) peakKiB = Math.max(peakKiB ?? 0, Number(match[1]));
    } catch {
      // The process has exited (or this is not Linux): keep what was seen.
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), POLL_MS);
  return {
    stop: () => clearInterval(timer),
    peakMiB: () => (peakKiB === undefined ? undefined : peakKiB / 1024),
  };
}
