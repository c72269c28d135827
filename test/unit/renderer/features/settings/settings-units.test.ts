import { describe, expect, it } from 'vitest';
import { customOf, isPreset, secondsOf } from '../../../../../renderer/src/features/settings/expiry-choice.js';
import { bytesOfMib, mibText, parseTyped, TYPED_BOUNDS } from '../../../../../renderer/src/features/settings/settings-units.js';

describe('settings units', () => {
  it('show sizes in MiB and take them back as whole bytes', () => {
    expect(mibText(64 * 1024 * 1024)).toBe('64');
    expect(mibText(8.5 * 1024 * 1024)).toBe('8.5');
    expect(bytesOfMib(8.5)).toBe(8_912_896);
  });

  it('keep typed numbers within the contract\'s limits', () => {
    expect(TYPED_BOUNDS.partSize).toStrictEqual({ min: 5, max: 5120, whole: false });
    expect(parseTyped('32', TYPED_BOUNDS.concurrency)).toBe(32);
    expect(parseTyped('33', TYPED_BOUNDS.concurrency)).toBeUndefined();
    expect(parseTyped('0', TYPED_BOUNDS.concurrency)).toBeUndefined();
    expect(parseTyped('2.5', TYPED_BOUNDS.concurrency)).toBeUndefined();
    expect(parseTyped('4.5', TYPED_BOUNDS.partSize)).toBeUndefined();
    expect(parseTyped('0', TYPED_BOUNDS.multipartThreshold)).toBe(0);
    expect(parseTyped(' 12.5 ', TYPED_BOUNDS.multipartThreshold)).toBe(12.5);
    expect(parseTyped('1e3', TYPED_BOUNDS.multipartThreshold)).toBeUndefined();
  });
});

describe('link validity choices', () => {
  it('offer presets, and show anything else in the largest unit that divides it', () => {
    expect(isPreset(3600)).toBe(true);
    expect(isPreset(7200)).toBe(false);
    expect(customOf(7200)).toStrictEqual({ amount: '2', unit: 'hours' });
    expect(customOf(172_800)).toStrictEqual({ amount: '2', unit: 'days' });
    expect(customOf(90)).toStrictEqual({ amount: '90', unit: 'seconds' });
  });

  it('take a custom validity from one second to seven days', () => {
    expect(secondsOf('7', 'days')).toBe(604_800);
    expect(secondsOf('8', 'days')).toBeUndefined();
    expect(secondsOf('1.5', 'hours')).toBe(5400);
    expect(secondsOf('0', 'minutes')).toBeUndefined();
    expect(secondsOf('soon', 'minutes')).toBeUndefined();
  });
});
