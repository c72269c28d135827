/**
 * The snippet literals evaluate to exactly the text they were made from, whatever it holds: checked by
 * evaluating them (JavaScript here, Python 3 when it is installed) over random unicode, and PowerShell by
 * its quoting rule.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsString, powerShellQuote, pythonString } from '../../../../electron/core/links/snippet-literals.js';

const hasPython = spawnSync('python3', ['-c', 'pass']).status === 0;
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom(`'"\\$\`\n\r\t\0`, '\u2028\u2029', '😀 ümlaut 中文', "it's ‘quoted’"));

describe('snippet literals', () => {
  it('JavaScript literals evaluate to the text, in printable ASCII only', () => {
    fc.assert(
      fc.property(text, (value) => {
        const literal = jsString(value);
        expect(literal).toMatch(/^"[\x20-\x7e]*"$/);
        expect(new Function(`return ${literal};`)()).toBe(value);
      }),
    );
  });

  it.skipIf(!hasPython)('Python literals evaluate to the text', () => {
    // Lone surrogates cannot be written to Python as UTF-8; well-formed text covers every real key and URL.
    const samples = fc.sample(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(`'"\\\n\r\t\0`, '😀 ümlaut 中文')), 300);
    const script = 'import ast, json, sys\nfor line in sys.stdin.read().splitlines():\n    print(json.dumps(ast.literal_eval(line)))\n';
    const run = spawnSync('python3', ['-c', script], { input: samples.map(pythonString).join('\n'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n').map((line) => JSON.parse(line) as string)).toEqual(samples);
  });

  it('PowerShell literals double every single quote, the typographic ones too', () => {
    fc.assert(
      fc.property(text, (value) => {
        const literal = powerShellQuote(value);
        expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
        // Inside, quote characters only ever come in pairs, so none ends the string.
        const inner = literal.slice(1, -1);
        expect(inner.replace(/(['\u2018\u2019\u201a\u201b])\1/g, '')).not.toMatch(/['\u2018\u2019\u201a\u201b]/);
        expect(inner.replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1')).toBe(value);
      }),
    );
    expect(powerShellQuote("it's")).toBe("'it''s'");
  });
});
