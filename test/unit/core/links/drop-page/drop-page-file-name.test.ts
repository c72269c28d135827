/**
 * The drop page's file name: the key's last segment in safe characters, whatever the key holds.
 */
import { describe, expect, it } from 'vitest';
import { dropPageFileName } from '../../../../../electron/core/links/drop-page/drop-page-file-name.js';

describe('dropPageFileName', () => {
  it.each([
    ['inbox/report.pdf', 'dropsign-upload-report.pdf.html'],
    ['report.pdf', 'dropsign-upload-report.pdf.html'],
    ['inbox/2026 Q3 report (final).pdf', 'dropsign-upload-2026-Q3-report-final-.pdf.html'],
    ['photos/扫描件 1.png', 'dropsign-upload-扫描件-1.png.html'],
    ['a/../../etc/passwd', 'dropsign-upload-passwd.html'],
    ['a/..', 'dropsign-upload-file.html'],
    ['folder/', 'dropsign-upload-folder.html'],
    ['.hidden', 'dropsign-upload-hidden.html'],
    ['x/"quotes"<and>|pipes*?\\back\tslash', 'dropsign-upload-quotes-and-pipes-back-slash.html'],
    ['/', 'dropsign-upload-file.html'],
  ])('%j → %s', (key, name) => {
    expect(dropPageFileName(key)).toBe(name);
  });

  it('keeps long names readable and bounded', () => {
    const name = dropPageFileName(`in/${'长'.repeat(300)}`);
    expect(name).toBe(`dropsign-upload-${'长'.repeat(80)}.html`);
  });
});
