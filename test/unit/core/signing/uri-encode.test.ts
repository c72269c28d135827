import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { uriEncode, uriEncodePath } from '../../../../electron/core/signing/uri-encode.js';

describe('uriEncode', () => {
  it('keeps exactly the unreserved characters A-Z a-z 0-9 - . _ ~', () => {
    expect(uriEncode('AZaz09-._~')).toBe('AZaz09-._~');
  });

  it('encodes "+" as %2B, space as %20 and "/" as %2F', () => {
    expect(uriEncode('a+b c/d')).toBe('a%2Bb%20c%2Fd');
  });

  it("encodes the characters encodeURIComponent keeps: ! ' ( ) *", () => {
    expect(uriEncode("!'()*")).toBe('%21%27%28%29%2A');
  });

  it('encodes the UTF-8 bytes with upper-case hex', () => {
    expect(uriEncode('é日😀')).toBe('%C3%A9%E6%97%A5%F0%9F%98%80');
  });

  it('keeps "/" in paths only', () => {
    expect(uriEncodePath('/a b/c+d/')).toBe('/a%20b/c%2Bd/');
  });

  it('decodes back to the input for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const encoded = uriEncode(value);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(value);
      }),
      { numRuns: 200 },
    );
  });
});
