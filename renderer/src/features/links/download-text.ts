/**
 * Saves text as a file the way browsers let a page do it: a Blob, an object URL, and a click on an
 * <a download> (the desktop window lets Electron's download handling save it).
 */

/** Offers `text` for download as `fileName` (`type` is its media type). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started from the click; give the browser a moment before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
