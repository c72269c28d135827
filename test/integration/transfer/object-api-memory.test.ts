/**
 * Memory stays bounded by chunk size, not file size: streaming a 256 MiB file to a local bucket in this same
 * process (whose receiving side streams too) must not grow the resident set by more than 64 MiB.
 */
import { truncate } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpObjectApi } from '../../../electron/core/transfer/http/index.js';
import type { ObjectApi } from '../../../electron/core/transfer/object-api.js';
import { attempt, startFixture, type Fixture } from './fixture.js';

const MIB = 1024 * 1024;

let fx: Fixture;
let api: ObjectApi;
beforeAll(async () => {
  fx = await startFixture();
  api = createHttpObjectApi({ provider: 'oss' });
});
afterAll(async () => {
  api.close();
  await fx.close();
});

it('streams a 256 MiB file with RSS growth under 64 MiB', async () => {
  const size = 256 * MIB;
  // A sparse file: zeros cost no disk and read fast, yet travel and get checksummed like any bytes.
  const file = await fx.file('big.bin', '');
  await truncate(file, size);
  // Warm up the code paths (and their allocations) so the baseline is not the cold process.
  const small = await fx.file('warm.bin', Buffer.alloc(MIB));
  await api.putObject(fx.signer(), 'warm.bin', { path: small, start: 0, end: MIB }, {}, attempt());
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await api.putObject(fx.signer(), 'big.bin', { path: file, start: 0, end: size }, {}, attempt(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }));
    expect(result).toMatchObject({ ok: true, value: { size } });
  } finally {
    clearInterval(sampler);
  }
  const growth = (peak - before) / MIB;
  expect(growth, `RSS grew by ${growth.toFixed(1)} MiB`).toBeLessThan(64);
});
