/**
 * Drops files on an element the way a user's drag and drop does: a DataTransfer holding real File
 * objects, then dragenter, dragover and drop. (Such files have no path on disk, which browser mode does
 * not need: it sends their bytes.)
 */
import type { Locator, Page } from '@playwright/test';

/** One file to drop. */
export interface FileToDrop {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** The browser's DataTransfer, typed here because the tests' TypeScript has no DOM library. */
interface BrowserGlobals {
  readonly DataTransfer: new () => { readonly items: { add(file: File): unknown } };
}

/** Drops `files` on `target`. */
export async function dropFiles(page: Page, target: Locator, files: readonly FileToDrop[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const { DataTransfer } = globalThis as unknown as BrowserGlobals;
    const data = new DataTransfer();
    for (const item of items) {
      const binary = atob(item.base64);
      const bytes = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
      data.items.add(new File([bytes], item.name, { type: item.mimeType }));
    }
    return data;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
}
