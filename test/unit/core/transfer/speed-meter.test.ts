import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEED_HALF_LIFE_MS, SpeedMeter, STALL_GRACE_MS } from '../../../../electron/core/transfer/speed-meter.js';

/** A meter on a hand-driven clock. */
function meter(halfLifeMs?: number): { meter: SpeedMeter; clock: { now: number } } {
  const clock = { now: 0 };
  return { meter: new SpeedMeter({ now: () => clock.now, ...(halfLifeMs === undefined ? {} : { halfLifeMs }) }), clock };
}

/** Feeds a steady rate: `bytesPerSecond` in samples every `stepMs`, for `durationMs`. */
function feed(m: { meter: SpeedMeter; clock: { now: number } }, bytesPerSecond: number, stepMs: number, durationMs: number): void {
  const end = m.clock.now + durationMs;
  while (m.clock.now < end) {
    m.clock.now += stepMs;
    m.meter.update(m.meter.bytesSent + (bytesPerSecond * stepMs) / 1000);
  }
}

describe('SpeedMeter', () => {
  it('reads 0 and no ETA before two reports', () => {
    const { meter: speed } = meter();
    expect(speed.bytesPerSecond()).toBe(0);
    expect(speed.etaSeconds(100)).toBeUndefined();
    speed.update(10);
    expect(speed.bytesPerSecond()).toBe(0);
  });

  it('gives the true rate from the first interval (no ramp from zero)', () => {
    const m = meter();
    m.meter.start();
    m.clock.now = 500;
    m.meter.update(500_000);
    expect(m.meter.bytesPerSecond()).toBeCloseTo(1_000_000, 6);
  });

  it('is independent of how often samples come', () => {
    const often = meter();
    const rarely = meter();
    const bursty = meter();
    for (const m of [often, rarely, bursty]) m.meter.start();
    feed(often, 1_000_000, 10, 4000);
    feed(rarely, 1_000_000, 800, 4000);
    // Irregular: bursts of 1 ms apart mixed with 400 ms gaps, same average rate.
    for (let t = 0; t < 4000; t += 400) {
      for (let i = 0; i < 5; i++) {
        bursty.clock.now += 1;
        bursty.meter.update(bursty.meter.bytesSent + 1000);
      }
      bursty.clock.now += 395;
      bursty.meter.update(bursty.meter.bytesSent + 395_000);
    }
    expect(often.meter.bytesPerSecond()).toBeCloseTo(1_000_000, 0);
    expect(rarely.meter.bytesPerSecond()).toBeCloseTo(1_000_000, 0);
    expect(bursty.meter.bytesPerSecond()).toBeGreaterThan(990_000);
    expect(bursty.meter.bytesPerSecond()).toBeLessThan(1_010_000);
  });

  it('moves halfway to a new speed in one half-life (3 s), whatever the sample interval', () => {
    expect(DEFAULT_SPEED_HALF_LIFE_MS).toBe(3000);
    for (const step of [50, 250, 1000]) {
      const m = meter();
      m.meter.start();
      feed(m, 1_000_000, step, 60_000);
      feed(m, 3_000_000, step, 3000);
      expect(m.meter.bytesPerSecond()).toBeCloseTo(2_000_000, -3);
    }
  });

  it('decays while no report comes past the grace period, and the ETA grows', () => {
    const m = meter();
    m.meter.start();
    feed(m, 1_000_000, 100, 30_000);
    const eta = m.meter.etaSeconds(m.meter.bytesSent + 10_000_000);
    expect(eta).toBe(10);
    m.clock.now += STALL_GRACE_MS;
    expect(m.meter.bytesPerSecond()).toBeCloseTo(1_000_000, 0);
    m.clock.now += 3000;
    expect(m.meter.bytesPerSecond()).toBeCloseTo(500_000, -3);
    // Half the speed, twice the time (give or take the rounding up).
    expect(m.meter.etaSeconds(m.meter.bytesSent + 10_000_000)).toBeGreaterThanOrEqual(20);
    expect(m.meter.etaSeconds(m.meter.bytesSent + 10_000_000)).toBeLessThanOrEqual(21);
    m.clock.now += 600_000;
    expect(m.meter.etaSeconds(m.meter.bytesSent + 10_000_000)).toBeUndefined();
  });

  it('rounds the ETA up and reports 0 when done', () => {
    const m = meter();
    m.meter.start();
    feed(m, 1000, 100, 30_000);
    expect(m.meter.etaSeconds(m.meter.bytesSent + 1500)).toBe(2);
    expect(m.meter.etaSeconds(m.meter.bytesSent)).toBe(0);
    expect(m.meter.etaSeconds(0)).toBe(0);
  });

  it('starts a new baseline when the count goes back (a part re-sent), keeping the speed', () => {
    const m = meter();
    m.meter.start();
    feed(m, 1_000_000, 100, 10_000);
    m.meter.update(0);
    expect(m.meter.bytesSent).toBe(0);
    expect(m.meter.bytesPerSecond()).toBeCloseTo(1_000_000, 0);
    feed(m, 1_000_000, 100, 1000);
    expect(m.meter.bytesPerSecond()).toBeCloseTo(1_000_000, 0);
  });

  it('ignores reports with no time passed until time moves on', () => {
    const m = meter();
    m.meter.start();
    m.clock.now = 1000;
    m.meter.update(1000);
    m.meter.update(5000);
    m.clock.now = 2000;
    m.meter.update(5000);
    // 4,000 bytes over the second interval, not lost and not divided by zero.
    expect(Number.isFinite(m.meter.bytesPerSecond())).toBe(true);
    expect(m.meter.bytesPerSecond()).toBeGreaterThan(1000);
  });

  it('resumes with bytes already sent', () => {
    const m = meter();
    m.meter.start(1_000_000);
    m.clock.now = 1000;
    m.meter.update(1_200_000);
    expect(m.meter.bytesPerSecond()).toBeCloseTo(200_000, 6);
  });

  it('refuses a half-life that is not positive', () => {
    expect(() => meter(0)).toThrow(RangeError);
  });
});
