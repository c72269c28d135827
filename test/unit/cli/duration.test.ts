import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../../../electron/cli/duration.js';
import { DropsignError } from '../../../electron/shared/errors.js';

describe('parseDurationSeconds', () => {
  it.each([
    ['1', 1],
    ['3600', 3600],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604_800],
    ['0010', 10],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDurationSeconds(text, '--expires')).toBe(seconds);
  });

  it.each(['', '0', '0h', '-5', '1.5', '1e3', ' 60', '60 ', '1H', '1w', '1h30m', 'h', 'abc', '99999999999999999999'])(
    'refuses %j with invalid-expiry naming the flag',
    (text) => {
      let caught: unknown;
      try {
        parseDurationSeconds(text, '--expires');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DropsignError);
      expect((caught as DropsignError).code).toBe('invalid-expiry');
      expect((caught as DropsignError).message).toContain('--expires');
      expect((caught as DropsignError).message).not.toContain('\n');
    },
  );

  it('leaves the upper bound to the signer (V1 has none)', () => {
    expect(parseDurationSeconds('30d', '--expires')).toBe(2_592_000);
  });
});
