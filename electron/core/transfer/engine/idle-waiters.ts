/**
 * Promises that resolve when the engine is idle (nothing queued or moving, no scan, no background work):
 * what the CLI awaits before it exits.
 */

/** See the module comment. */
export class IdleWaiters {
  readonly #waiters: (() => void)[] = [];
  readonly #isIdle: () => boolean;

  constructor(isIdle: () => boolean) {
    this.#isIdle = isIdle;
  }

  /** Resolves at once when idle, otherwise at the first {@link IdleWaiters.check} that finds it idle. */
  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      this.check();
    });
  }

  /** Resolves every waiter if the engine is idle now. Call after anything that may end activity. */
  check(): void {
    if (this.#waiters.length === 0 || !this.#isIdle()) return;
    for (const resolve of this.#waiters.splice(0)) resolve();
  }
}
