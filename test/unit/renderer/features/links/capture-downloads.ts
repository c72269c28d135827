/**
 * Downloads a screen starts (a Blob, an object URL and a click on an `<a download>`), caught instead of
 * made: jsdom has no object URLs and cannot save files.
 */
import { vi } from 'vitest';

/** One download: the file name, and the Blob behind it. */
export interface CapturedDownload {
  readonly fileName: string;
  readonly blob: Blob;
}

/** Starts catching downloads; `restore` puts the browser back. */
export function captureDownloads(): { readonly downloads: CapturedDownload[]; readonly revoked: string[]; restore(): void } {
  const blobs = new Map<string, Blob>();
  const downloads: CapturedDownload[] = [];
  const revoked: string[] = [];
  Object.defineProperty(URL, 'createObjectURL', {
    value: (blob: Blob) => {
      const url = `blob:test-${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    configurable: true,
  });
  Object.defineProperty(URL, 'revokeObjectURL', { value: (url: string) => revoked.push(url), configurable: true });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob !== undefined) downloads.push({ fileName: this.download, blob });
  });
  return {
    downloads,
    revoked,
    restore() {
      click.mockRestore();
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    },
  };
}
