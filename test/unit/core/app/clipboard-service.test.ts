import { describe, expect, it } from 'vitest';
import { saveClipboardImage } from '../../../../electron/core/app/clipboard-service.js';

describe('clipboard:save-image', () => {
  it('answers where the desktop shell saved the clipboard image', async () => {
    expect(await saveClipboardImage(() => Promise.resolve('/data/clipboard/pasted-20261121-081503.png'))).toEqual({
      path: '/data/clipboard/pasted-20261121-081503.png',
    });
  });

  it('says the clipboard holds no image any more (it changed since the paste)', async () => {
    await expect(saveClipboardImage(() => Promise.resolve(undefined))).rejects.toMatchObject({ code: 'file-not-found', hint: 'Copy the image again, then paste it.' });
  });

  it('says only the desktop app reads the clipboard, where no shell gives the edge (browser mode)', async () => {
    await expect(saveClipboardImage(undefined)).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/Only the desktop app/) });
  });
});
