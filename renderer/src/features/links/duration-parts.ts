/**
 * How long something lasts, as people read it: the two largest units that matter (`6 d 23 h`,
 * `59 min 12 s`, `15 min`), for the countdown, the expiry cap and the presets.
 */
import { useTranslation } from 'react-i18next';

/** A unit a duration is shown in. */
export type DurationUnit = 'days' | 'hours' | 'minutes' | 'seconds';

/** One part of a duration: `{ unit: 'minutes', count: 59 }`. */
export interface DurationPart {
  readonly unit: DurationUnit;
  readonly count: number;
}

const UNIT_SECONDS: readonly (readonly [DurationUnit, number])[] = [
  ['days', 86_400],
  ['hours', 3600],
  ['minutes', 60],
  ['seconds', 1],
];

/**
 * The largest unit of `seconds` (rounded down to whole seconds) and the next one when it is not zero:
 * 3552 → 59 min 12 s, 3600 → 1 h, 604800 → 7 d. Never empty: under a second is `0 s`.
 */
export function durationParts(seconds: number): readonly DurationPart[] {
  let rest = Math.max(0, Math.floor(seconds));
  const first = UNIT_SECONDS.findIndex(([, size]) => rest >= size);
  if (first < 0) return [{ unit: 'seconds', count: 0 }];
  const parts: DurationPart[] = [];
  for (const [unit, size] of UNIT_SECONDS.slice(first, first + 2)) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push({ unit, count });
  }
  return parts;
}

/** A function that writes a number of seconds in the current language (`59 min 12 s`, `59 分 12 秒`). */
export function useDurationText(): (seconds: number) => string {
  const { t } = useTranslation('links');
  return (seconds) =>
    durationParts(seconds)
      .map((part) => t(`duration.${part.unit}`, { count: part.count }))
      .join(' ');
}
