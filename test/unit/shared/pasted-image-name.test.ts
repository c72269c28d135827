/** The name of an image taken from the clipboard, the same in the desktop app, the tray and the browser page. */
import { describe, expect, it } from 'vitest';
import { isPastedImageName, pastedImageName } from '../../../electron/shared/pasted-image-name.js';

describe('pastedImageName', () => {
  it('names by the local time, zero-padded, with a lower-case extension', () => {
    expect(pastedImageName(new Date(2027, 0, 2, 3, 4, 5), 'JPG')).toBe('pasted-20270102-030405.jpg');
  });

  it('numbers a second image of the same second from 2', () => {
    const at = new Date(2026, 10, 21, 15, 7, 12);
    expect(pastedImageName(at, 'png', 1)).toBe('pasted-20261121-150712.png');
    expect(pastedImageName(at, 'png', 2)).toBe('pasted-20261121-150712-2.png');
  });
});

describe('isPastedImageName', () => {
  it('knows its own names and the older clipboard-… ones, and nothing a user would name a file', () => {
    expect(isPastedImageName(pastedImageName(new Date(), 'png', 3))).toBe(true);
    expect(isPastedImageName('clipboard-2026-11-21-081503.png')).toBe(true);
    for (const name of ['photo.png', 'pasted-holiday.png', 'pasted-20261121-150712.png.txt', 'x/pasted-20261121-150712.png', 'clipboard-.png.exe']) {
      expect(isPastedImageName(name)).toBe(false);
    }
  });
});
