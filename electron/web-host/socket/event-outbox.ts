/**
 * Gathers a socket's events for a moment and sends them as one frame: a JSON array of event messages,
 * in the order they were emitted (a single event goes alone, as before). A big drop makes tens of
 * thousands of events (a file added during a scan, each state change, and the progress batch the engine
 * sends ahead of each state change), and one frame each cost the host a write system call and the page
 * a message event apiece: about a tenth of the host's main thread while a 10,000-file drop was queued,
 * with 6,500 frames for 3,000 files.
 *
 * Order is kept exactly: consecutive `transfers:events` are concatenated (they carry their `seq`), nothing
 * else is merged, and a reply first sends the events gathered before it.
 */
import type { EventChannel, EventMap } from '../../shared/ipc/channels.js';
import { globalTimer, type OneShotTimer } from '../../shared/one-shot-timer.js';
import type { TransferEvent } from '../../shared/transfer.js';
import { eventsText, type EventMessage } from './wire-messages.js';

/** Timers, for testing. */
export type OutboxTimer = OneShotTimer;

/**
 * Why 16 ms: one frame of a 60 Hz screen; the page cannot show changes sooner, and a reply never waits
 * for it (it sends what is gathered first).
 */
export const EVENT_GATHER_MS = 16;

/** Why 2,000: bounds one frame (about 0.6 MB of added events) however fast events come. */
const MAX_GATHERED_ITEMS = 2000;

/** One socket's outgoing messages, with events gathered. */
export class EventOutbox {
  readonly #write: (text: string) => void;
  readonly #timer: OutboxTimer;
  #gathered: EventMessage[] = [];
  /** Transfer events gathered into the last message, while it is one (so more can join it). */
  #openEvents: TransferEvent[] | undefined;
  #items = 0;
  #handle: unknown;

  /** `write` sends one frame's text. */
  constructor(write: (text: string) => void, timer: OutboxTimer = globalTimer) {
    this.#write = write;
    this.#timer = timer;
  }

  /** Gathers an event; it is sent within {@link EVENT_GATHER_MS}, or before the next reply. */
  event<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    if (event === 'transfers:events') {
      const events = payload as EventMap['transfers:events'];
      if (this.#openEvents === undefined) {
        this.#openEvents = [...events];
        this.#gathered.push({ event: 'transfers:events', payload: this.#openEvents });
      } else {
        this.#openEvents.push(...events);
      }
      this.#items += events.length;
    } else {
      this.#openEvents = undefined;
      this.#gathered.push({ event, payload } as EventMessage);
      this.#items += 1;
    }
    if (this.#items >= MAX_GATHERED_ITEMS) this.flush();
    else this.#handle ??= this.#timer.set(() => this.flush(), EVENT_GATHER_MS);
  }

  /** Sends `text` (a reply) now, after the events gathered so far. */
  send(text: string): void {
    this.flush();
    this.#write(text);
  }

  /** Sends the gathered events, if any: one message alone, several as an array. */
  flush(): void {
    if (this.#handle !== undefined) this.#timer.clear(this.#handle);
    this.#handle = undefined;
    const gathered = this.#gathered;
    this.#gathered = [];
    this.#openEvents = undefined;
    this.#items = 0;
    if (gathered.length === 0) return;
    this.#write(eventsText(gathered));
  }

  /** Drops what is gathered and stops the timer (the socket closed). */
  close(): void {
    if (this.#handle !== undefined) this.#timer.clear(this.#handle);
    this.#handle = undefined;
    this.#gathered = [];
    this.#openEvents = undefined;
    this.#items = 0;
  }
}
