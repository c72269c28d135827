/**
 * Smoothed transfer speed and time left, for one transfer or (fed the queue's total bytes) the whole queue.
 *
 * The average is exponential in *time*, not per sample: each interval between samples weighs by its
 * length, so a burst of samples 1 ms apart counts no more than one sample a second later, and irregular
 * sample intervals (chunked streams, parallel parts) give the same curve. The weights are normalised
 * while the meter warms up, so the first reading is the real rate rather than a ramp from zero.
 */

/**
 * How fast the average forgets. Why 3 s: a real change of speed shows half within 3 s and 90% within
 * 10 s, which reads as responsive, while the per-chunk jitter of a socket (bursts of tens of ms) and the
 * hiccups of one part finishing while another starts are smoothed away.
 */
export const DEFAULT_SPEED_HALF_LIFE_MS = 3000;

/**
 * A pause without samples shorter than this is normal pacing, not a stall. Why 1 s: progress is reported
 * per chunk written (64 KiB: every 0.6 s at 100 KB/s), so shorter gaps are expected. Longer pauses make
 * the reading decay, so a stalled upload shows its speed falling and its time left growing.
 */
export const STALL_GRACE_MS = 1000;

/** Below this, the speed is treated as unknown for the time left. Why 1 B/s: any slower is "stalled". */
const MIN_SPEED_FOR_ETA = 1;

/** Options of a meter. */
export interface SpeedMeterOptions {
  /** The clock, in ms (monotonic in production: `performance.now`). */
  readonly now: () => number;
  /** See {@link DEFAULT_SPEED_HALF_LIFE_MS}. */
  readonly halfLifeMs?: number;
}

/** A smoothed speed meter. Feed it cumulative byte counts; read speed and time left at any moment. */
export class SpeedMeter {
  readonly #now: () => number;
  readonly #halfLifeMs: number;
  #lastTime: number | undefined;
  #lastBytes = 0;
  /** Σ rate × weight: the unnormalised average. */
  #weightedRate = 0;
  /** Σ weight (reaches 1 as the history grows past a few half-lives). */
  #weight = 0;

  constructor(options: SpeedMeterOptions) {
    this.#now = options.now;
    this.#halfLifeMs = options.halfLifeMs ?? DEFAULT_SPEED_HALF_LIFE_MS;
    if (!(this.#halfLifeMs > 0)) throw new RangeError('The speed half-life must be positive.');
  }

  /** Bytes sent so far, as last reported. */
  get bytesSent(): number {
    return this.#lastBytes;
  }

  /**
   * Starts (or restarts) timing from now with `bytesSent` already done (a resumed upload), keeping the
   * speed learnt so far.
   */
  start(bytesSent = 0): void {
    this.#lastTime = this.#now();
    this.#lastBytes = bytesSent;
  }

  /**
   * Reports the cumulative bytes sent. The first report only sets the baseline (unless {@link start} did).
   * A smaller count than before (a part being re-sent) sets a new baseline instead of a negative speed.
   */
  update(bytesSent: number): void {
    const now = this.#now();
    if (this.#lastTime === undefined || bytesSent < this.#lastBytes) {
      this.#lastTime = now;
      this.#lastBytes = bytesSent;
      return;
    }
    const elapsed = now - this.#lastTime;
    // No time has passed: keep the bytes for the next interval rather than divide by zero.
    if (elapsed <= 0) return;
    const rate = ((bytesSent - this.#lastBytes) / elapsed) * 1000;
    const keep = 2 ** (-elapsed / this.#halfLifeMs);
    this.#weightedRate = this.#weightedRate * keep + rate * (1 - keep);
    this.#weight = this.#weight * keep + (1 - keep);
    this.#lastTime = now;
    this.#lastBytes = bytesSent;
  }

  /** The smoothed speed in bytes per second (0 before two reports), decaying while no report comes. */
  bytesPerSecond(): number {
    if (this.#weight === 0 || this.#lastTime === undefined) return 0;
    const idle = this.#now() - this.#lastTime - STALL_GRACE_MS;
    if (idle <= 0) return this.#weightedRate / this.#weight;
    // As if a report of zero bytes had come now: the interval of silence weighs in at rate 0.
    const keep = 2 ** (-idle / this.#halfLifeMs);
    return (this.#weightedRate * keep) / (this.#weight * keep + (1 - keep));
  }

  /**
   * Whole seconds left to reach `totalBytes` at the smoothed speed (rounded up); 0 when done; undefined
   * while the speed is unknown or the transfer is stalled.
   */
  etaSeconds(totalBytes: number): number | undefined {
    const remaining = totalBytes - this.#lastBytes;
    if (remaining <= 0) return 0;
    const speed = this.bytesPerSecond();
    if (speed < MIN_SPEED_FOR_ETA) return undefined;
    return Math.ceil(remaining / speed);
  }
}
