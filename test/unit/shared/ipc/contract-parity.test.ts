/**
 * The contract's three lists agree: the channel name list, the InvokeMap type and the argument schemas
 * (at compile time and at run time), and the shared constants agree with core's.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, isEventChannel, isInvokeChannel, type EventChannel, type EventMap, type InvokeChannel, type InvokeMap } from '../../../../electron/shared/ipc/channels.js';
import { argSchemas, PROFILE_NAME_PATTERN, SCHEMAS_FIT_CONTRACT } from '../../../../electron/shared/ipc/schemas.js';
import { DEFAULT_SETTINGS, SETTINGS_LIMITS } from '../../../../electron/shared/ipc/settings.js';
import { PROFILE_NAME_PATTERN as CORE_PROFILE_NAME_PATTERN } from '../../../../electron/core/profiles/profile-schema.js';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../../../../electron/core/transfer/engine/index.js';
import { DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, OSS_PART_LIMITS, S3_PART_LIMITS } from '../../../../electron/core/transfer/part-plan.js';
import { DEFAULT_LINK_EXPIRY_SECONDS, MAX_LINK_EXPIRY_SECONDS } from '../../../../electron/core/profiles/profile-schema.js';

describe('the IPC contract', () => {
  it('lists exactly the InvokeMap channels, and the schemas cover exactly those (compile time)', () => {
    expectTypeOf<InvokeChannel>().toEqualTypeOf<keyof InvokeMap>();
    expectTypeOf<keyof typeof argSchemas>().toEqualTypeOf<InvokeChannel>();
    expectTypeOf<EventChannel>().toEqualTypeOf<keyof EventMap>();
    expect(SCHEMAS_FIT_CONTRACT).toBe(true);
  });

  it('has a schema for every channel and no other (run time)', () => {
    expect(Object.keys(argSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length);
  });

  it('names every channel domain:verb in lower-case kebab', () => {
    for (const channel of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('guards channel names that arrive as data', () => {
    expect(isInvokeChannel('transfers:enqueue')).toBe(true);
    expect(isInvokeChannel('transfers:events')).toBe(false);
    expect(isInvokeChannel('__proto__')).toBe(false);
    expect(isInvokeChannel(42)).toBe(false);
    expect(isEventChannel('transfers:progress')).toBe(true);
    expect(isEventChannel('app:info')).toBe(false);
  });

  it('keeps the shared constants equal to core', () => {
    expect(PROFILE_NAME_PATTERN.source).toBe(CORE_PROFILE_NAME_PATTERN.source);
    expect(DEFAULT_SETTINGS.concurrency).toBe(DEFAULT_CONCURRENCY);
    expect(SETTINGS_LIMITS.concurrency.max).toBe(MAX_CONCURRENCY);
    expect(DEFAULT_SETTINGS.multipartThreshold).toBe(DEFAULT_MULTIPART_THRESHOLD);
    expect(DEFAULT_SETTINGS.partSize).toBe(DEFAULT_PART_SIZE);
    expect(SETTINGS_LIMITS.partSize.min).toBe(S3_PART_LIMITS.minPartSize);
    expect(SETTINGS_LIMITS.partSize.max).toBe(OSS_PART_LIMITS.maxPartSize);
    expect(SETTINGS_LIMITS.multipartThreshold.max).toBe(OSS_PART_LIMITS.maxSinglePut);
    expect(DEFAULT_SETTINGS.defaultLinkExpirySeconds).toBe(DEFAULT_LINK_EXPIRY_SECONDS);
    expect(SETTINGS_LIMITS.defaultLinkExpirySeconds.max).toBe(MAX_LINK_EXPIRY_SECONDS);
  });
});
