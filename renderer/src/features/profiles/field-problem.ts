/**
 * What is wrong with one field of the profile form: a message of the `validation` catalog and the values
 * it names. The rules (target-rules.ts, key-rules.ts, profile-rules.ts) mirror the host's own checks, so
 * most mistakes are shown while typing; whatever slips through comes back from `profiles:save` and is
 * shown next to the same field (host-error-field.ts).
 */
import type { profiles } from '../../i18n/locales/en/profiles.js';

/** A message of the `validation` catalog. */
export type ValidationKey = keyof typeof profiles.validation;

/** One problem, to show next to its field. */
export interface FieldProblem {
  readonly key: ValidationKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** A problem with `key` (and `values`). */
export function problem(key: ValidationKey, values?: Readonly<Record<string, string | number>>): FieldProblem {
  return values === undefined ? { key } : { key, values };
}
