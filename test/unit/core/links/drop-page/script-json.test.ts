/**
 * JSON for a script data block: nothing in it can end the block or look like markup, and it parses back
 * to the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scriptJson } from '../../../../../electron/core/links/drop-page/script-json.js';

describe('scriptJson', () => {
  it('writes <, >, & and the two JavaScript line separators as escapes', () => {
    expect(scriptJson({ key: '</script><!--&\u2028\u2029' })).toBe('{"key":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}');
  });

  it('gives any value back unchanged and never holds a character that could end the block', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = scriptJson(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
