/**
 * Electron's side of clipboard uploads: its clipboard and image conversion, and the spool folder in the
 * app data directory, shared by the tray's "Upload Clipboard" and an image pasted into the window.
 */
import { clipboard, nativeImage } from 'electron';
import path from 'node:path';
import { CLIPBOARD_SPOOL_DIR_NAME, type ClipboardImageDeps } from './clipboard-upload.js';

/** The clipboard reader, PNG conversion, spool folder (under `dataDir`) and clock of the real app. */
export function electronClipboard(dataDir: string): ClipboardImageDeps {
  return {
    read: () => clipboard.read(),
    toPng: (bytes) => {
      const image = nativeImage.createFromBuffer(bytes);
      return image.isEmpty() ? undefined : image.toPNG();
    },
    spoolDir: path.join(dataDir, CLIPBOARD_SPOOL_DIR_NAME),
    now: () => new Date(),
  };
}
