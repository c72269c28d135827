/**
 * Text from outside, on a terminal or on screen: every character that could control the terminal or
 * reorder what is shown becomes its JSON escape; everything else, any script or emoji, stays as it is.
 */
import { describe, expect, it } from 'vitest';
import { visibleLine, visibleText } from '../../../electron/shared/visible-text.js';

describe('visibleText', () => {
  it('escapes escape sequences, bells, carriage returns, DEL and C1 controls', () => {
    expect(visibleText('a\u001b]52;c;cGF5bG9hZA==\u0007b')).toBe('a\\u001b]52;c;cGF5bG9hZA==\\u0007b');
    expect(visibleText('\u001b[2J\u001b[Hclean')).toBe('\\u001b[2J\\u001b[Hclean');
    expect(visibleText('ok\rfake')).toBe('ok\\u000dfake');
    expect(visibleText('ok\r')).toBe('ok\\u000d');
    expect(visibleText('\u0000\u007f\u0080\u009b31m\u009f')).toBe('\\u0000\\u007f\\u0080\\u009b31m\\u009f');
  });

  it('escapes bidirectional controls, which reorder what is shown', () => {
    expect(visibleText('invoice\u202efdp.exe')).toBe('invoice\\u202efdp.exe');
    for (const control of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(visibleText(`x${control}y`)).toBe(`x\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}y`);
    }
  });

  it('keeps line breaks, tabs and every printable character, in any script', () => {
    const text = 'Done.\n\tnext line · 已上传 «café» 👨‍👩‍👧 שלום\n';
    expect(visibleText(text)).toBe(text);
    // CSV lines end in CRLF.
    expect(visibleText('a,b\r\nc,d\r\n')).toBe('a,b\r\nc,d\r\n');
  });

  it('keeps JSON valid and meaning the same', () => {
    const value = { path: 'a\u202eb\u009bc\u001bd\u2066', n: 1 };
    const printed = visibleText(JSON.stringify(value));
    // eslint-disable-next-line no-control-regex -- the point is to find control characters
    expect(printed).not.toMatch(/[\u001b\u009b\u202e\u2066]/);
    expect(JSON.parse(printed)).toEqual(value);
  });
});

describe('visibleLine', () => {
  it('also escapes line breaks and tabs, so a name cannot forge a line of output', () => {
    expect(visibleLine('a\nb\tc\u2028d\u2029e')).toBe('a\\u000ab\\u0009c\\u2028d\\u2029e');
    expect(visibleLine('evil\u001b[31m')).toBe('evil\\u001b[31m');
    expect(visibleLine('照片/2026 年.png')).toBe('照片/2026 年.png');
  });
});
