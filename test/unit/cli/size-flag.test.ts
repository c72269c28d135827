import { describe, expect, it } from 'vitest';
import { formatSize, parseSizeFlag } from '../../../electron/cli/size-flag.js';
import { DropsignError } from '../../../electron/shared/errors.js';

describe('parseSizeFlag', () => {
  it('reads binary units with or without the i and the B', () => {
    expect(parseSizeFlag('64MB', 'x')).toBe(64 * 1024 * 1024);
    expect(parseSizeFlag('8MiB', 'x')).toBe(8 * 1024 * 1024);
    expect(parseSizeFlag('8 m', 'x')).toBe(8 * 1024 * 1024);
    expect(parseSizeFlag('100KB', 'x')).toBe(102_400);
    expect(parseSizeFlag('1.5GB', 'x')).toBe(1.5 * 1024 ** 3);
    expect(parseSizeFlag('1048576', 'x')).toBe(1_048_576);
  });

  it('refuses anything else with a one-line error naming the flag', () => {
    for (const bad of ['', 'abc', '8 bytes', '-1MB', '1e6', '0.5B', 'MB']) {
      expect(() => parseSizeFlag(bad, 'part-size')).toThrow(DropsignError);
      try {
        parseSizeFlag(bad, 'part-size');
      } catch (error) {
        expect((error as DropsignError).message).toMatch(/^--part-size .* is not a size\.$/);
      }
    }
  });
});

describe('formatSize', () => {
  it('prints sizes for people', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(65_536)).toBe('64 KB');
    expect(formatSize(1_234_567)).toBe('1.2 MB');
  });
});
