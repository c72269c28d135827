/**
 * Faults on demand: failed requests, reset uploads, latency and a shifted clock, driven by an injectable
 * random source so tests can make them deterministic.
 */
import type { FaultOptions } from './types.js';

/** What to do to one request. */
export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'fail'; readonly status: 500 | 503 }
  /** Destroy the connection once the first body bytes have arrived. */
  | { readonly kind: 'reset' };

/** Checks fault options; throws RangeError naming the bad one. */
export function checkFaultOptions(faults: FaultOptions): void {
  for (const name of ['failRate', 'resetRate'] as const) {
    const rate = faults[name];
    if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= 1)) {
      throw new RangeError(`${name} must be a number from 0 to 1.`);
    }
  }
  const latency = faults.latencyMs;
  if (latency !== undefined && !(Number.isFinite(latency) && latency >= 0)) {
    throw new RangeError('latencyMs must be a number of milliseconds, 0 or more.');
  }
  const offset = faults.clockOffsetSeconds;
  if (offset !== undefined && !Number.isFinite(offset)) throw new RangeError('clockOffsetSeconds must be a number.');
}

/** Decides faults per request. Random numbers are drawn only for rates above zero. */
export class FaultInjector {
  private readonly failRate: number;
  private readonly resetRate: number;
  private readonly random: () => number;
  /** Delay before handling each request. */
  readonly latencyMs: number;
  /** Shift of the server clock. */
  readonly clockOffsetMs: number;

  constructor(faults: FaultOptions, random: () => number) {
    checkFaultOptions(faults);
    this.failRate = faults.failRate ?? 0;
    this.resetRate = faults.resetRate ?? 0;
    this.random = random;
    this.latencyMs = faults.latencyMs ?? 0;
    this.clockOffsetMs = Math.round((faults.clockOffsetSeconds ?? 0) * 1000);
  }

  /** The fault for one request; `hasBody` says whether it uploads anything (only uploads are reset). */
  decide(hasBody: boolean): FaultDecision {
    if (this.failRate > 0 && this.random() < this.failRate) {
      // Half and half: clients must retry both 500 InternalError and 503 ServiceUnavailable.
      return { kind: 'fail', status: this.random() < 0.5 ? 500 : 503 };
    }
    if (hasBody && this.resetRate > 0 && this.random() < this.resetRate) return { kind: 'reset' };
    return { kind: 'none' };
  }
}
