import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../../../../../renderer/src/features/links/content-disposition.js';

describe('attachmentDisposition', () => {
  it('quotes a plain ASCII name as it is', () => {
    expect(attachmentDisposition('Q3 report.pdf')).toBe('attachment; filename="Q3 report.pdf"');
  });

  it('adds the UTF-8 form for other names, with an ASCII stand-in for older clients', () => {
    expect(attachmentDisposition('报告.pdf')).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf`);
  });

  it('never lets a quote or backslash break out of the quoted name', () => {
    expect(attachmentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
    expect(attachmentDisposition("it's (1).txt")).toBe(`attachment; filename="it's (1).txt"`);
  });
});
