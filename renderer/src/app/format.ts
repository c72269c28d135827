/**
 * How numbers, sizes, speeds, durations and dates read on screen, in the interface's language, through
 * `Intl` (so `1.5 MB` and `2,048` in English, `1.5 MB/秒`, `2小时5分钟` and `2026年11月21日` in Chinese).
 *
 * Every function takes the language last and defaults to the current one; components that call them in
 * render also call `useTranslation`, which re-renders them when the language changes. Formatters are
 * cached: building an `Intl` object costs far more than using one, and a queue shows thousands of numbers.
 */
import type { Language } from '../../../electron/shared/ipc/settings.js';
import { currentLanguage } from '../i18n/index.js';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (format === undefined) {
    format = new Intl.NumberFormat(language, options);
    numberFormats.set(id, format);
  }
  return format;
}

/** The multiples of a byte, smallest first (Intl's unit names). */
const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/** Why 1024: binary multiples, as the CLI, the settings (8 MiB parts) and most file managers count them. */
const STEP = 1024;

/**
 * `value` (already scaled) with at most three significant digits: `1.5`, `15.2`, `152`. Why 99.95 and
 * 999.5: the thresholds at which rounding would print four digits (`100.0`, `1,000`).
 */
function scaled(bytes: number): { readonly value: number; readonly unit: (typeof BYTE_UNITS)[number] } {
  let value = bytes / STEP;
  let index = 0;
  while (value >= 999.5 && index < BYTE_UNITS.length - 1) {
    value /= STEP;
    index += 1;
  }
  return { value, unit: BYTE_UNITS[index] ?? 'petabyte' };
}

function fractionDigits(value: number): number {
  return value < 99.95 ? 1 : 0;
}

/** A plain number: `2,048` / `2,048`. */
export function formatNumber(value: number, language: Language = currentLanguage()): string {
  return numberFormat(language, {}).format(value);
}

/** A share of a whole (0..1): `45%`. */
export function formatPercent(fraction: number, language: Language = currentLanguage()): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A size: `0 bytes`, `512 bytes`, `1.5 kB`, `20 MB` (`512字节`, `1.5 kB` in Chinese). */
export function formatBytes(bytes: number, language: Language = currentLanguage()): string {
  if (bytes < 1000) return numberFormat(language, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(Math.round(bytes));
  const { value, unit } = scaled(bytes);
  return numberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: fractionDigits(value) }).format(value);
}

/** A speed: `1.5 MB/s` (`1.5 MB/秒`). Below a kilobyte a second it still reads in kB (`0.3 kB/s`). */
export function formatSpeed(bytesPerSecond: number, language: Language = currentLanguage()): string {
  const { value, unit } = bytesPerSecond < 1000 ? { value: bytesPerSecond / STEP, unit: 'kilobyte' as const } : scaled(bytesPerSecond);
  return numberFormat(language, { style: 'unit', unit: `${unit}-per-second`, unitDisplay: 'short', maximumFractionDigits: fractionDigits(value) }).format(value);
}

function unitText(language: Language, unit: 'second' | 'minute' | 'hour' | 'day', value: number): string {
  return numberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

function joinUnits(language: Language, parts: readonly string[]): string {
  let format = listFormats.get(language);
  if (format === undefined) {
    format = new Intl.ListFormat(language, { type: 'unit', style: 'narrow' });
    listFormats.set(language, format);
  }
  return format.format(parts);
}

/**
 * A duration, as precise as is worth reading: `45 sec`, `3 min`, `2 hr 5 min`, `3 days 4 hr` (`45秒`,
 * `2小时5分钟`). Under a second reads `1 sec` (something is about to happen, not nothing).
 */
export function formatDuration(seconds: number, language: Language = currentLanguage()): string {
  const total = Math.max(1, Math.round(seconds));
  if (total < 60) return unitText(language, 'second', total);
  const minutes = Math.round(total / 60);
  if (minutes < 60) return unitText(language, 'minute', minutes);
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes - hours * 60;
    return rest === 0 ? unitText(language, 'hour', hours) : joinUnits(language, [unitText(language, 'hour', hours), unitText(language, 'minute', rest)]);
  }
  const hours = Math.round(minutes / 60);
  const days = Math.floor(hours / 24);
  const rest = hours - days * 24;
  return rest === 0 ? unitText(language, 'day', days) : joinUnits(language, [unitText(language, 'day', days), unitText(language, 'hour', rest)]);
}

/** A moment, date and time: `Nov 21, 2026, 3:07 PM` (`2026年11月21日 15:07`). Takes ISO text or epoch ms. */
export function formatDateTime(moment: string | number | Date, language: Language = currentLanguage()): string {
  let format = dateFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(language, format);
  }
  return format.format(moment instanceof Date ? moment : new Date(moment));
}
