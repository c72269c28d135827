import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../../electron/web-host/socket/token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst at once, then the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 500; // half a second at 2 a second: one more
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 60_000; // a long pause refills to the burst, not beyond
    expect(Array.from({ length: 4 }, () => bucket.take())).toEqual([true, true, true, false]);
  });
});
