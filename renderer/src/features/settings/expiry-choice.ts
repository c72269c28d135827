/**
 * Link validity as the picker offers it: a few presets, or a custom amount in a unit, never more than
 * seven days (the longest validity V4 signatures allow). Pure.
 */
import { SETTINGS_LIMITS } from '../../../../electron/shared/ipc/settings.js';

/** The presets, in seconds: 5 and 15 minutes, an hour, a day, and the seven-day maximum. */
export const EXPIRY_PRESETS = [300, 900, 3600, 86_400, 604_800] as const;

/** A preset. */
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

/** The units a custom validity is typed in, with their length in seconds. */
export const EXPIRY_UNITS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 } as const;

/** A unit. */
export type ExpiryUnit = keyof typeof EXPIRY_UNITS;

/** True when `seconds` is one of the presets. */
export function isPreset(seconds: number): seconds is ExpiryPreset {
  return (EXPIRY_PRESETS as readonly number[]).includes(seconds);
}

/** `seconds` in the largest unit that divides it (`7200` → 2 hours). */
export function customOf(seconds: number): { readonly amount: string; readonly unit: ExpiryUnit } {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    if (seconds % EXPIRY_UNITS[unit] === 0) return { amount: String(seconds / EXPIRY_UNITS[unit]), unit };
  }
  return { amount: String(seconds), unit: 'seconds' };
}

/** The validity `amount` `unit` stands for, in whole seconds; undefined unless it is within 1 s to 7 days. */
export function secondsOf(amount: string, unit: ExpiryUnit): number | undefined {
  const text = amount.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const seconds = Math.round(Number(text) * EXPIRY_UNITS[unit]);
  const { min, max } = SETTINGS_LIMITS.defaultLinkExpirySeconds;
  return seconds >= min && seconds <= max ? seconds : undefined;
}
