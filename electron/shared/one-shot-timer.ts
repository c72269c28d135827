/**
 * A one-shot timer, injected wherever tests control time (the page's staged enqueues, browser mode's event
 * gathering). Shared by the renderer and the Node side: both have the global timers.
 */

/** `set` starts a timer and returns its handle, which `clear` takes. */
export interface OneShotTimer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The global `setTimeout` and `clearTimeout`. */
export const globalTimer: OneShotTimer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};
