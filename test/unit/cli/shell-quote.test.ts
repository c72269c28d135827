import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellJoin, shellQuote, shellWord } from '../../../electron/cli/shell-quote.js';

/** What `sh` makes of each quoted word: printf prints every argument followed by a NUL. */
function throughShell(words: readonly string[]): string[] {
  const script = `printf '%s\\0' ${words.map(shellQuote).join(' ')}`;
  const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('wraps in single quotes and writes a single quote as close-escape-reopen', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("''")).toBe("''\\'''\\'''");
  });

  it('keeps spaces, $, backquotes, backslashes, globs, newlines and unicode literal in sh', () => {
    const words = [
      'a b  c',
      '$HOME ${PATH} $(id)',
      '`id`',
      'back\\slash\\n',
      '*.txt ? [ab]',
      "it's 'quoted' \"twice\"",
      'line1\nline2\ttab',
      '猫 ünïcödé 🐈',
      '!history ~user &|;<>()',
      'https://b.oss-cn-hangzhou.aliyuncs.com/k?x-oss-signature=ab&x-oss-credential=AK%2F20241112',
      '',
    ];
    expect(throughShell(words)).toEqual(words);
  });

  it('round-trips arbitrary strings through sh', () => {
    // Shell-special characters mixed with any unicode (NUL cannot be in an argument at all).
    const unit = fc.oneof(
      fc.constantFrom("'", '"', '\\', '$', '`', '\n', '\t', ' ', '!', '*', '?', '~', '#', '&', ';', '|', '(', '{', '='),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ unit }), { minLength: 1, maxLength: 20 }), (words) => {
        expect(throughShell(words)).toEqual(words);
      }),
      { numRuns: 30 },
    );
  });
});

describe('shellWord / shellJoin', () => {
  it('leaves plain words bare and quotes the rest', () => {
    expect(shellWord('curl')).toBe('curl');
    expect(shellWord('-X')).toBe('-X');
    expect(shellWord('./dir/file-1.txt')).toBe('./dir/file-1.txt');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord('$x')).toBe("'$x'");
    expect(shellWord('~')).toBe("'~'");
    expect(shellWord('')).toBe("''");
    expect(shellWord('=cmd')).toBe("'=cmd'");
    expect(shellWord('name=value')).toBe('name=value');
  });

  it('joins words into a command line sh splits back into the same words', () => {
    const words = ['printf', '%s\\0', 'x y', "o'k", 'plain', '猫'];
    expect(shellJoin(words)).toBe("printf '%s\\0' 'x y' 'o'\\''k' plain '猫'");
  });
});
