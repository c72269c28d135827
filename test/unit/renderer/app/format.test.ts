import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from '../../../../renderer/src/app/format.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [3 * 1024 ** 4, '3.0 TB'],
  ])('%d bytes read %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [0.2, '1 s'],
    [45, '45 s'],
    [125, '2 min'],
    [7500, '2 h 5 min'],
  ])('%d s read %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text));
});
