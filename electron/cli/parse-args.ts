/**
 * Flag parsing for `dropsign` sub-commands: `node:util` `parseArgs` in strict mode, with every complaint it
 * can make turned into a one-line DropsignError (never a stack, never a multi-line message).
 *
 * On top of `parseArgs` it refuses a single-value flag given twice (parseArgs silently keeps the last one)
 * and reports required flags that are missing.
 */
import { parseArgs } from 'node:util';
import { DropsignError } from '../shared/errors.js';

/** How one `--flag` is read. Only long flags: `-h` is handled by the dispatcher. */
export interface FlagSpec {
  /** `string` takes a value (`--bucket b` or `--bucket=b`); `boolean` takes none (`--json`). */
  readonly type: 'string' | 'boolean';
  /** May be repeated; the values are collected in order. Without it, a repeat is an error. */
  readonly multiple?: boolean;
}

/** The flags of one command by long name (without the leading `--`). */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** The value type of one flag as parsed. */
export type FlagValue<F extends FlagSpec> = F['type'] extends 'boolean'
  ? F['multiple'] extends true
    ? readonly boolean[]
    : boolean
  : F['multiple'] extends true
    ? readonly string[]
    : string;

/** The parsed flags: each present flag's value, absent flags `undefined` (commands apply their defaults). */
export type FlagValues<S extends FlagSpecs> = { readonly [K in keyof S]?: FlagValue<S[K]> };

/** What `parseFlags` needs besides the arguments. */
export interface ParseFlagsOptions<S extends FlagSpecs> {
  /** The command name, for the hint (`Run \`dropsign NAME --help\``). */
  readonly command: string;
  /** The accepted flags. */
  readonly flags: S;
  /** Flags that must be present. */
  readonly required?: readonly (keyof S & string)[];
  /** Accept positional arguments (file paths); without it, one is an error. Read them with `parseCommandLine`. */
  readonly positionals?: boolean;
}

/** Flags and positional arguments, as `parseCommandLine` returns them. */
export interface CommandLine<S extends FlagSpecs> {
  readonly flags: FlagValues<S>;
  readonly positionals: readonly string[];
}

/**
 * Parses `args` against `options.flags`. Positional arguments, unknown flags, a value missing or given to
 * a boolean flag, a single-value flag given twice and a missing required flag all throw a DropsignError
 * (`invalid-argument` or `missing-argument`) whose message is one line.
 */
export function parseFlags<const S extends FlagSpecs>(
  args: readonly string[],
  options: ParseFlagsOptions<S>,
): FlagValues<S> {
  return parseCommandLine(args, options).flags;
}

/** Like {@link parseFlags}, also returning the positional arguments (`--` ends the flags). */
export function parseCommandLine<const S extends FlagSpecs>(
  args: readonly string[],
  options: ParseFlagsOptions<S>,
): CommandLine<S> {
  const hint = `Run \`dropsign ${options.command} --help\` for the options.`;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: toParseArgsOptions(options.flags),
      strict: true,
      allowPositionals: options.positionals === true,
      tokens: true,
    });
  } catch (error) {
    throw translateParseError(error, hint);
  }

  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const spec = options.flags[token.name];
    if (spec?.multiple !== true && seen.has(token.name)) {
      throw new DropsignError(
        'invalid-argument',
        `Option --${token.name} was given more than once.`,
        `Give --${token.name} once. ${hint}`,
        { flag: token.name },
      );
    }
    seen.add(token.name);
  }

  for (const name of options.required ?? []) {
    if (!seen.has(name)) {
      throw new DropsignError('missing-argument', `Missing required option --${name}.`, hint, { flag: name });
    }
  }
  return { flags: parsed.values as FlagValues<S>, positionals: parsed.positionals };
}

function toParseArgsOptions(flags: FlagSpecs): Record<string, { type: 'string' | 'boolean'; multiple: boolean }> {
  const out: Record<string, { type: 'string' | 'boolean'; multiple: boolean }> = {};
  for (const [name, spec] of Object.entries(flags)) {
    out[name] = { type: spec.type, multiple: spec.multiple === true };
  }
  return out;
}

/** The `code` Node puts on parseArgs errors. */
const PARSE_ERROR_CODES = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
]);

function translateParseError(error: unknown, hint: string): unknown {
  if (!(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !PARSE_ERROR_CODES.has(code)) return error;
  // Node's messages are good but may span lines (the "ambiguous" one does): keep the first line only.
  const first = (error.message.split('\n')[0] ?? '').trim().replace(/[.:]?$/, '.');
  const extra =
    code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && error.message.includes('ambiguous')
      ? 'To give a value that starts with "-", write --name=-value. '
      : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
        ? 'Every value belongs to a --flag; quote values that contain spaces. '
        : '';
  return new DropsignError('invalid-argument', first, `${extra}${hint}`, { reason: code });
}
