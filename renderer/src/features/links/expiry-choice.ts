/**
 * How long a link is valid, as the form offers it: four presets or a custom number of minutes, hours or
 * days, never beyond the profile's cap (`links:limits` → `maxExpirySeconds`).
 */

/** A unit of the custom expiry. */
export type ExpiryUnit = 'minutes' | 'hours' | 'days';

/** The user's choice: a preset, or a custom amount as typed (checked when the form is sent). */
export type ExpiryChoice =
  | { readonly kind: 'preset'; readonly seconds: number }
  | { readonly kind: 'custom'; readonly amount: string; readonly unit: ExpiryUnit };

/** Seconds per unit. */
export const UNIT_SECONDS: Readonly<Record<ExpiryUnit, number>> = { minutes: 60, hours: 3600, days: 86_400 };

/** The custom units, smallest first. */
export const EXPIRY_UNITS: readonly ExpiryUnit[] = ['minutes', 'hours', 'days'];

/** The presets and their catalog keys: 15 minutes, an hour, a day, and seven days (the longest a V4 signature allows). */
export const EXPIRY_PRESETS = [
  { seconds: 900, label: 'm15' },
  { seconds: 3600, label: 'h1' },
  { seconds: 86_400, label: 'd1' },
  { seconds: 604_800, label: 'd7' },
] as const;

/** Why one hour: the app's default link validity (settings), and what the OSS console offers. */
const FALLBACK_SECONDS = 3600;

/**
 * The choice a new form starts with: the preset equal to `defaultSeconds` (the `defaultLinkExpirySeconds`
 * setting), else the same validity as a custom amount in the largest unit that divides it (minutes
 * rounded up otherwise).
 */
export function initialExpiry(defaultSeconds: number | undefined): ExpiryChoice {
  const seconds = defaultSeconds ?? FALLBACK_SECONDS;
  return EXPIRY_PRESETS.some((preset) => preset.seconds === seconds) ? { kind: 'preset', seconds } : asCustom(seconds);
}

/** `seconds` as a custom amount in the largest unit that divides it (minutes, rounded up, otherwise). */
export function asCustom(seconds: number): ExpiryChoice {
  const unit = [...EXPIRY_UNITS].reverse().find((candidate) => seconds % UNIT_SECONDS[candidate] === 0) ?? 'minutes';
  return { kind: 'custom', amount: String(Math.max(1, Math.ceil(seconds / UNIT_SECONDS[unit]))), unit };
}

/** The seconds a choice means, or undefined when the custom amount is not a whole number above zero. */
export function expirySeconds(choice: ExpiryChoice): number | undefined {
  if (choice.kind === 'preset') return choice.seconds;
  if (!/^\d{1,9}$/.test(choice.amount.trim())) return undefined;
  const amount = Number(choice.amount.trim());
  return amount > 0 ? amount * UNIT_SECONDS[choice.unit] : undefined;
}
