/**
 * The one name an image from the clipboard gets, wherever it enters: pasted into the desktop window or the
 * browser page, or sent with the tray's "Upload clipboard". Its bytes have no file name of their own, so the
 * name (and with the default key template, the object key) comes from the time it was taken.
 */

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * `pasted-20261121-150712.png` (local time, as a screenshot tool names it); `attempt` 2, 3... append `-2`,
 * `-3`... for a second image saved in the same second.
 */
export function pastedImageName(at: Date, extension: string, attempt = 1): string {
  const date = `${at.getFullYear()}${twoDigits(at.getMonth() + 1)}${twoDigits(at.getDate())}`;
  const time = `${twoDigits(at.getHours())}${twoDigits(at.getMinutes())}${twoDigits(at.getSeconds())}`;
  return `pasted-${date}-${time}${attempt === 1 ? '' : `-${attempt}`}.${extension.toLowerCase()}`;
}

/**
 * Whether `name` is a saved clipboard image: this name, or `clipboard-….png` as the desktop app named them
 * before (spool folders may still hold some).
 */
export function isPastedImageName(name: string): boolean {
  return /^(pasted|clipboard)-[0-9-]+\.png$/.test(name);
}
