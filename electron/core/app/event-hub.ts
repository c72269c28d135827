/**
 * The app's events for its hosts (main sends them to windows, the web host to sockets): a typed listener
 * list per event channel. A listener that throws is reported and never stops the others.
 */
import type { EventChannel, EventMap } from '../../shared/ipc/channels.js';

/** A listener of event `E`. */
export type EventListener<E extends EventChannel> = (payload: EventMap[E]) => void;

/** See the module comment. */
export class EventHub {
  readonly #listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void) {
    this.#onError = onError;
  }

  /** Adds a listener; returns the function that removes it. */
  on<E extends EventChannel>(event: E, listener: EventListener<E>): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    // Each listener is stored under its own channel, so it only ever gets that channel's payload.
    const stored = listener as (payload: never) => void;
    set.add(stored);
    return () => void set.delete(stored);
  }

  /** Calls every listener of `event` with `payload`, in the order they were added. */
  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as EventListener<E>)(payload);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}
