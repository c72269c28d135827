import { describe, expect, it } from 'vitest';
import { durationParts } from '../../../../../renderer/src/features/links/duration-parts.js';

describe('durationParts', () => {
  it('gives the largest unit and the next one: 59 min 12 s, 1 h 5 min, 6 d 23 h', () => {
    expect(durationParts(3552)).toStrictEqual([
      { unit: 'minutes', count: 59 },
      { unit: 'seconds', count: 12 },
    ]);
    expect(durationParts(3900)).toStrictEqual([
      { unit: 'hours', count: 1 },
      { unit: 'minutes', count: 5 },
    ]);
    expect(durationParts(604_799)).toStrictEqual([
      { unit: 'days', count: 6 },
      { unit: 'hours', count: 23 },
    ]);
  });

  it('drops a second part that is zero, and never shows a third', () => {
    expect(durationParts(604_800)).toStrictEqual([{ unit: 'days', count: 7 }]);
    expect(durationParts(900)).toStrictEqual([{ unit: 'minutes', count: 15 }]);
    expect(durationParts(86_400 + 61)).toStrictEqual([{ unit: 'days', count: 1 }]);
  });

  it('rounds down to whole seconds, and shows under a second (or less than nothing) as 0 s', () => {
    expect(durationParts(12.9)).toStrictEqual([{ unit: 'seconds', count: 12 }]);
    expect(durationParts(0.4)).toStrictEqual([{ unit: 'seconds', count: 0 }]);
    expect(durationParts(-5)).toStrictEqual([{ unit: 'seconds', count: 0 }]);
  });
});
