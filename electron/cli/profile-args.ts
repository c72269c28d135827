/**
 * Argument helpers of `dropsign profile ...`: the profile name before the flags, choices from a fixed
 * list, and the refusal of secrets given as arguments (checked before any parsing, so a value is never
 * echoed in an "unknown option" message).
 */
import { DropsignError } from '../shared/errors.js';
import type { ProfileCliSubcommand } from './profile-subcommands.js';

/** One `dropsign profile` sub-command. */
export type ProfileSubcommand = ProfileCliSubcommand;

/** Options that name a secret but carry none, which the refusal below lets through. */
const ALLOWED = new Set(['access-key-id', 'secret-stdin', 'with-session-token', 'session-token-expires', 'secret-store', 'keep-secret']);

/** Option names that would carry a secret. */
const SECRET_OPTION = /secret|token|password|passwd|passphrase|^sk$|^ak$/i;

/**
 * Refuses `--secret VALUE`, `--access-key-secret=...`, `--session-token ...`, `--passphrase ...` and the like,
 * naming the option (never its value) and the two ways to give a secret. Arguments after `--` are ignored.
 */
export function refuseSecretArguments(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.replace(/^--?/, '').split('=', 1)[0] ?? '';
    if (ALLOWED.has(name) || !SECRET_OPTION.test(name)) continue;
    throw new DropsignError(
      'credentials-in-arguments',
      `Secrets are not accepted as command-line options (--${name}): arguments end up in shell history and process lists.`,
      'The secret is read from a prompt that does not echo it, or from standard input with --secret-stdin (token on the second line with --with-session-token).',
      { flag: name },
    );
  }
}

/** Splits `NAME --flags...`; throws `missing-argument` without a name. */
export function takeName(args: readonly string[], usage: string): { readonly name: string; readonly rest: readonly string[] } {
  const { name, rest } = takeOptionalName(args);
  if (name !== undefined) return { name, rest };
  throw new DropsignError('missing-argument', `Missing the profile name: dropsign profile ${usage}.`, 'Run `dropsign profile --help` for the sub-commands.');
}

/** Splits `[NAME] --flags...`. */
export function takeOptionalName(args: readonly string[]): { readonly name: string | undefined; readonly rest: readonly string[] } {
  const [first, ...rest] = args;
  return first !== undefined && !first.startsWith('-') ? { name: first, rest } : { name: undefined, rest: args };
}

/** The value of `flag` if it is one of `allowed`; throws `invalid-argument` naming the choices. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new DropsignError('invalid-argument', `${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`, 'Run `dropsign profile --help` for the options.', { flag });
  }
  return found;
}
