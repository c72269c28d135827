/**
 * Random messages on the contract socket (fast-check): whatever a page sends, the host answers every
 * message that has a readable id with a Result, keeps running, and still serves a well-formed call.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../electron/shared/ipc/channels.js';
import { openSocket, type TestSocket } from './socket-client.js';
import { startHostHarness, type HostHarness } from './harness.js';

let harness: HostHarness;
let page: TestSocket;
beforeAll(async () => {
  // A generous rate: this test is about payloads, not about the rate limit.
  harness = await startHostHarness({ limits: { messageBurst: 100_000, messagesPerSecond: 100_000 } });
  page = await openSocket(harness.host.origin, harness.token);
});
afterAll(async () => {
  await page.close();
  await harness.close();
});

/** Channels that touch the user's machine beyond the data directory, or stop everything, are left out. */
const FUZZED_CHANNELS = INVOKE_CHANNELS.filter((channel) => !['profiles:import-preview', 'profiles:import-apply', 'profiles:test'].includes(channel));

/** Values with the keys attackers like, nested. */
const hostile = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.anything(),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'spool:', '/etc/passwd', '\u0000', '%00', '../..', 'x'.repeat(5000)),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'paths', 'profile', 'id', 'concurrency', 'name'), tie('value'), { maxKeys: 4 }),
    fc.array(tie('value'), { maxLength: 5 }),
  ),
})).value;

const message = fc.oneof(
  fc.record({ id: fc.nat(), channel: fc.constantFrom(...FUZZED_CHANNELS), args: fc.array(hostile, { maxLength: 3 }) }),
  fc.record({ id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()), channel: fc.oneof(fc.string(), fc.constantFrom(...FUZZED_CHANNELS)), args: hostile }, { requiredKeys: [] }),
  hostile,
);

describe('random messages', () => {
  it('never crash the host, and each readable one gets a Result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(message.map((value) => JSON.stringify(value) ?? 'null'), fc.string({ maxLength: 200 })), async (text) => {
        let id: number | null = null;
        try {
          const parsed = JSON.parse(text) as { id?: unknown };
          if (typeof parsed === 'object' && parsed !== null && typeof parsed.id === 'number' && Number.isSafeInteger(parsed.id) && parsed.id >= 0) id = parsed.id;
        } catch {
          // Unreadable: answered under id null.
        }
        // Ids the test's own calls use are above this range; a fuzzed id must not collide with them.
        if (id !== null && id >= 1_000_000) return;
        const result = (await page.sendRaw(text, id)) as { ok: unknown };
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
    expect(await page.call('app:info', [])).toMatchObject({ ok: true, value: { face: 'browser' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
