import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../../electron/cli/parse-args.js';
import { DropsignError } from '../../../electron/shared/errors.js';

const FLAGS = {
  bucket: { type: 'string' },
  key: { type: 'string' },
  header: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

const parse = (args: readonly string[]) => parseFlags(args, { command: 'demo', flags: FLAGS, required: ['bucket'] });

function caught(run: () => unknown): DropsignError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DropsignError);
    const e = error as DropsignError;
    expect(e.message).not.toMatch(/[\r\n]/);
    expect(e.hint).toContain('dropsign demo --help');
    return e;
  }
  throw new Error('expected a DropsignError');
}

describe('parseFlags', () => {
  it('reads string, repeated and boolean flags in both spellings', () => {
    const values = parse(['--bucket', 'b', '--key=a=b', '--header', 'A: 1', '--header=B: 2', '--json']);
    expect(values).toEqual({ bucket: 'b', key: 'a=b', header: ['A: 1', 'B: 2'], json: true });
  });

  it('leaves absent flags undefined', () => {
    const values = parse(['--bucket', 'b']);
    expect(values.key).toBeUndefined();
    expect(values.json).toBeUndefined();
  });

  it('takes a value starting with a dash in the --name=value spelling', () => {
    expect(parse(['--bucket', 'b', '--key=-odd']).key).toBe('-odd');
  });

  it.each([
    [['--bucket', 'b', '--nope'], 'invalid-argument', "Unknown option '--nope'."],
    [['--bucket', 'b', 'stray'], 'invalid-argument', "Unexpected argument 'stray'"],
    [['--bucket'], 'invalid-argument', "Option '--bucket <value>' argument missing."],
    [['--bucket', 'b', '--json=yes'], 'invalid-argument', "Option '--json' does not take an argument."],
    [['--bucket', 'b', '--key', '--json'], 'invalid-argument', "Option '--key' argument is ambiguous."],
    [['--bucket', 'a', '--bucket', 'b'], 'invalid-argument', 'Option --bucket was given more than once.'],
    [['--bucket', 'a', '--bucket=a'], 'invalid-argument', 'Option --bucket was given more than once.'],
    [['--key', 'k'], 'missing-argument', 'Missing required option --bucket.'],
    [['-x'], 'invalid-argument', "Unknown option '-x'."],
  ])('%j → %s', (args, code, message) => {
    const error = caught(() => parse(args));
    expect(error.code).toBe(code);
    expect(error.message.startsWith(message)).toBe(true);
  });
});
