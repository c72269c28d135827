/**
 * `clipboard:save-image`: an image pasted into the desktop window has no file on disk, and its bytes must
 * not cross IPC, so the page asks main to save what the clipboard holds and queues that file.
 */
import { DropsignError } from '../../shared/errors.js';
import type { SavedClipboardImage } from '../../shared/ipc/transfer-requests.js';

/** Saves the clipboard's image with `save` (the desktop shell's); typed errors when there is no shell or no image. */
export async function saveClipboardImage(save: (() => Promise<string | undefined>) | undefined): Promise<SavedClipboardImage> {
  if (save === undefined) {
    throw new DropsignError(
      'invalid-argument',
      'Only the desktop app reads the clipboard itself.',
      'In the browser, paste or drop the image on the page: it is sent like any dropped file.',
    );
  }
  const path = await save();
  if (path === undefined) {
    throw new DropsignError('file-not-found', 'The clipboard no longer holds an image.', 'Copy the image again, then paste it.');
  }
  return { path };
}
