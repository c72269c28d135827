/**
 * Durations on the command line: whole seconds (`3600`) or one whole number with a unit (`90s`, `15m`,
 * `1h`, `7d`). Whether a duration is short enough for a scheme (V4: at most 7 days) is the signer's call.
 */
import { DropsignError } from '../shared/errors.js';

/** Seconds per unit suffix. */
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

const DURATION = /^(\d+)([smhd]?)$/;

/**
 * Parses `text` into whole seconds, at least 1. Throws `invalid-expiry` for anything else: negatives,
 * fractions, zero, spaces, unknown units, combined units (`1h30m`) or numbers too large to be exact.
 * `flag` names the option in the message (`--expires`).
 */
export function parseDurationSeconds(text: string, flag: string): number {
  const match = DURATION.exec(text);
  const digits = match?.[1];
  const unit = UNIT_SECONDS[match?.[2] || 's'];
  if (digits === undefined || unit === undefined) {
    throw new DropsignError(
      'invalid-expiry',
      `${flag} must be whole seconds or a number with a unit s, m, h or d; got ${JSON.stringify(text)}.`,
      `For example ${flag} 3600, ${flag} 15m, ${flag} 1h or ${flag} 7d.`,
      { flag },
    );
  }
  const seconds = Number(digits) * unit;
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new DropsignError(
      'invalid-expiry',
      `${flag} must be at least 1 second and a sane number; got ${JSON.stringify(text)}.`,
      `For example ${flag} 3600 (one hour); V4 signatures allow at most 7d.`,
      { flag },
    );
  }
  return seconds;
}
