import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../../electron/cli/iso-time.js';
import { DropsignError } from '../../../electron/shared/errors.js';

const AT = Date.UTC(2024, 10, 12, 8, 32, 38);

describe('parseIsoInstant', () => {
  it.each([
    ['2024-11-12T08:32:38Z', AT],
    ['2024-11-12T16:32:38+08:00', AT],
    ['2024-11-12T16:32:38+0800', AT],
    ['2024-11-12T03:02:38-05:30', AT],
    ['2024-11-12T08:32:38+00:00', AT],
    ['2024-11-12T08:32:38.250Z', AT + 250],
    ['2024-11-12T08:32:38.123456789Z', AT + 123],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2024-11-13T00:02:38+15:30', AT],
  ])('reads %s', (text, ms) => {
    expect(parseIsoInstant(text, '--at')).toBe(ms);
  });

  it('reads years before 100 as they are written', () => {
    expect(new Date(parseIsoInstant('0050-01-01T00:00:00Z', '--at')).getUTCFullYear()).toBe(50);
  });

  it.each([
    '',
    'now',
    '2024-11-12',
    '2024-11-12T08:32:38',
    '2024-11-12 08:32:38Z',
    '2024-11-12t08:32:38z',
    '2024-11-12T08:32Z',
    '20241112T083238Z',
    '2024-W46-2T08:32:38Z',
    '2024-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-11-12T24:00:00Z',
    '2024-11-12T08:60:00Z',
    '2024-11-12T08:32:60Z',
    '2024-11-12T08:32:38+24:00',
    '2024-11-12T08:32:38+08',
    '1731400358',
    ' 2024-11-12T08:32:38Z',
  ])('refuses %j with invalid-time naming the flag', (text) => {
    let caught: unknown;
    try {
      parseIsoInstant(text, '--at');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DropsignError);
    expect((caught as DropsignError).code).toBe('invalid-time');
    expect((caught as DropsignError).message).toMatch(/^--at must be an ISO 8601 date-time/);
  });
});
