/**
 * Ctrl/Cmd+V uploads the files on the clipboard (copied in a file manager, or an image). Pasted text is
 * not ours: a paste into a text field is left to the field, and a paste of text elsewhere does nothing.
 */
import { useEffect } from 'react';
import type { PickedFile } from '../../bridge/dropsign-api.js';
import { filesFromClipboard } from './collect-files.js';

/** Input types that take typed text (a paste there belongs to the field). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number', '']);

/** True when `target` is where typed text goes: a text input, a text area, or editable content. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/** The shortcut as the user's keyboard labels it. */
export function pasteShortcut(platform: string = navigator.platform): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘V' : 'Ctrl+V';
}

/** Calls `onFiles` with the files of each paste outside a text field. */
export function usePasteUpload(onFiles: (files: PickedFile[]) => void): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      if (isTextEntry(event.target)) return;
      const files = event.clipboardData?.files;
      if (files === undefined || files.length === 0) return;
      event.preventDefault();
      onFiles(filesFromClipboard(files));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onFiles]);
}
