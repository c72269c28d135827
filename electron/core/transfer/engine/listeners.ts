/**
 * A set of listeners with unsubscribe functions. A listener that throws is reported and skipped, so one
 * broken window or CLI printer never stops the engine or the other listeners.
 */

/** See the module comment. */
export class Listeners<T> {
  readonly #listeners = new Set<(value: T) => void>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** Adds `listener`; returns the function that removes it (calling it twice is harmless). */
  add(listener: (value: T) => void): () => void {
    // Wrapped, so the same function added twice is two subscriptions, each removed by its own call.
    const entry = (value: T): void => listener(value);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /** Calls every listener with `value`. */
  emit(value: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(value);
      } catch (error) {
        this.#onError(error);
      }
    }
  }

  /** Removes every listener. */
  clear(): void {
    this.#listeners.clear();
  }
}
