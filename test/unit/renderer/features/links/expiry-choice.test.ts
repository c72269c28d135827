import { describe, expect, it } from 'vitest';
import { asCustom, expirySeconds, initialExpiry } from '../../../../../renderer/src/features/links/expiry-choice.js';

describe('initialExpiry', () => {
  it('starts on the preset equal to the default validity, or an hour when the setting is not known', () => {
    expect(initialExpiry(86_400)).toStrictEqual({ kind: 'preset', seconds: 86_400 });
    expect(initialExpiry(undefined)).toStrictEqual({ kind: 'preset', seconds: 3600 });
  });

  it('shows any other default as a custom amount in the largest unit that divides it', () => {
    expect(initialExpiry(7200)).toStrictEqual({ kind: 'custom', amount: '2', unit: 'hours' });
    expect(initialExpiry(2 * 86_400)).toStrictEqual({ kind: 'custom', amount: '2', unit: 'days' });
    expect(initialExpiry(90)).toStrictEqual({ kind: 'custom', amount: '2', unit: 'minutes' });
  });
});

describe('asCustom', () => {
  it('never offers less than one of a unit', () => {
    expect(asCustom(0)).toStrictEqual({ kind: 'custom', amount: '1', unit: 'days' });
  });
});

describe('expirySeconds', () => {
  it('reads presets and whole custom amounts, and nothing else', () => {
    expect(expirySeconds({ kind: 'preset', seconds: 900 })).toBe(900);
    expect(expirySeconds({ kind: 'custom', amount: ' 3 ', unit: 'days' })).toBe(259_200);
    expect(expirySeconds({ kind: 'custom', amount: '90', unit: 'minutes' })).toBe(5400);
    for (const amount of ['', '0', '-1', '1.5', '1e3', 'two']) expect(expirySeconds({ kind: 'custom', amount, unit: 'hours' })).toBeUndefined();
  });
});
