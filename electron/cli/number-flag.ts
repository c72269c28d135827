import { DropsignError } from '../shared/errors.js';

/** What a numeric flag accepts. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** Only whole numbers (ports, counts). */
  readonly integer?: boolean;
}

/**
 * Reads a numeric flag value (`--port 9000`, `--fail-rate 0.1`), or throws a one-line `invalid-argument`
 * error naming the flag and the accepted range. Plain decimal notation only: no `1e3`, hex or blanks.
 */
export function parseNumberFlag(text: string, flag: string, range: NumberRange): number {
  const pattern = range.integer === true ? /^-?[0-9]+$/ : /^-?[0-9]+(\.[0-9]+)?$/;
  const value = pattern.test(text) ? Number(text) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    const kind = range.integer === true ? 'a whole number' : 'a number';
    throw new DropsignError(
      'invalid-argument',
      `--${flag} ${JSON.stringify(text)} is not ${kind} from ${range.min} to ${range.max}.`,
      `Give --${flag} ${kind} from ${range.min} to ${range.max}.`,
      { flag },
    );
  }
  return value;
}
