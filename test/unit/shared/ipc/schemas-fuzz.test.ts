/**
 * Random payloads thrown at every channel: parseArgs never throws and always answers a Result; whatever
 * it accepts is accepted again (parsing is stable), and nothing it returns has a polluted prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS, type InvokeChannel } from '../../../../electron/shared/ipc/channels.js';
import { parseArgs } from '../../../../electron/shared/ipc/parse-args.js';

/** Anything structured clone or JSON could carry, with `__proto__` / `constructor` keys mixed in. */
const payload = fc.anything({
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'paths', 'profile', 'method', 'key', 'kind')),
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
  withBoxedValues: true,
  maxDepth: 4,
});

/** Valid requests to mutate, so the fuzzing also reaches deep into each schema. */
const SEEDS: Partial<Record<InvokeChannel, unknown>> = {
  'transfers:enqueue': { paths: ['/a', '/b'], profile: 'prod', prefix: 'p/', ifExists: 'skip' },
  'profiles:save': {
    profile: { name: 'prod', provider: 'oss', region: 'cn-hangzhou', endpoint: { kind: 'custom', url: 'https://x' }, bucket: 'b', accessKeyId: 'k' },
    secret: { accessKeySecret: 's' },
  },
  'profiles:import-apply': { names: ['a'], from: 'env' },
  'links:create': { method: 'PUT', key: 'a', metadata: [{ name: 'm', value: 'v' }], contentType: 'text/plain' },
  'history:list': { text: 'x', limit: 5 },
  'settings:set': { concurrency: 3, theme: 'light' },
  'unfinished:list': { profile: 'prod', prefix: 'videos/', withSizes: true },
  'unfinished:abort': { profile: 'prod', uploads: [{ key: 'a/b.bin', uploadId: '0004B9895DBBB6EC98E36' }] },
};

/** `seed` with the value at one (possibly new) key, at some depth, replaced by `value`. */
function mutate(seed: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0 || typeof seed !== 'object' || seed === null) return value;
  const [head = '', ...rest] = path;
  const copy: Record<string, unknown> = Array.isArray(seed) ? ({ ...seed } as Record<string, unknown>) : { ...(seed as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const key = keys.length > 0 && head.length % 2 === 0 ? (keys[head.length % keys.length] ?? head) : head;
  Object.defineProperty(copy, key, { value: mutate(copy[key], rest, value), enumerable: true, configurable: true, writable: true });
  return Array.isArray(seed) ? Object.values(copy) : copy;
}

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown; hint?: unknown } };
  if (result.ok === true) return 'value' in result;
  return result.ok === false && result.error?.code === 'invalid-argument' && typeof result.error.message === 'string' && typeof result.error.hint === 'string';
}

describe('parseArgs under random payloads', () => {
  it.each(INVOKE_CHANNELS.map((channel) => [channel]))('%s: never throws, always a Result', (channel: InvokeChannel) => {
    fc.assert(
      fc.property(fc.oneof(payload, fc.array(payload, { maxLength: 3 })), (raw) => {
        const result = parseArgs(channel, raw);
        expect(isResult(result)).toBe(true);
        if (result.ok) expect(parseArgs(channel, result.value).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(Object.keys(SEEDS).map((channel) => [channel as InvokeChannel]))('%s: mutated valid requests give a Result', (channel) => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), payload, (path, value) => {
        const result = parseArgs(channel, [mutate(SEEDS[channel], path, value)]);
        expect(isResult(result)).toBe(true);
      }),
      { numRuns: 500 },
    );
    expect(parseArgs(channel, [SEEDS[channel]]).ok).toBe(true);
  });

  it('any channel name at all gives a Result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...INVOKE_CHANNELS)), fc.array(payload, { maxLength: 2 }), (channel, raw) => {
        expect(isResult(parseArgs(channel as InvokeChannel, raw))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
