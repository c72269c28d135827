/**
 * The bridge of the desktop app: the preload's API (`window.dropsign`), and files staged by their real
 * paths (`pathForFile`): no bytes cross IPC, main streams from disk and walks dropped folders itself. A
 * pasted image has no path: main saves the clipboard's image itself (`clipboard:save-image`) and that
 * file is queued.
 */
import type { Bridge, DropsignApi, FileStager, PickedFile } from './dropsign-api.js';

/**
 * The dropped item a picked file belongs to: the file itself, or the top folder it was picked inside
 * (`/home/me/photos` for `/home/me/photos/2024/a.jpg` picked as `photos/2024/a.jpg`), so a folder keeps
 * its structure as it does when dropped.
 */
export function droppedItemOf(realPath: string, relativePath: string): string {
  let top = realPath;
  for (let depth = relativePath.split('/').length - 1; depth > 0; depth -= 1) {
    top = top.slice(0, Math.max(top.lastIndexOf('/'), top.lastIndexOf('\\')));
  }
  return top;
}

const NO_FILE_ON_DISK = 'This item has no file on disk (it came from another app): save it first, then drop the file.';

/** A pasted image with no file on disk (a screenshot, an image copied in a browser): main saves the clipboard's. */
function isPastedImage(picked: PickedFile): boolean {
  return picked.origin === 'paste' && picked.file.type.startsWith('image/');
}

function pathStager(api: DropsignApi): FileStager {
  return {
    needsFileContents: false,
    async stage(files, onProgress) {
      const paths = new Set<string>();
      const failures: { relativePath: string; message: string }[] = [];
      // The clipboard holds one image: however many pasted items came without a file, it is saved once.
      let pastedImage: Promise<string | { readonly message: string }> | undefined;
      for (const picked of files) {
        const real = api.pathForFile?.(picked.file) ?? '';
        if (real !== '') {
          paths.add(droppedItemOf(real, picked.relativePath));
        } else if (isPastedImage(picked)) {
          pastedImage ??= api.invoke('clipboard:save-image').then((saved) =>
            saved.ok ? saved.value.path : { message: `${saved.error.message} ${saved.error.hint}` },
          );
          const outcome = await pastedImage;
          if (typeof outcome === 'string') paths.add(outcome);
          else failures.push({ relativePath: picked.relativePath, message: outcome.message });
        } else {
          failures.push({ relativePath: picked.relativePath, message: NO_FILE_ON_DISK });
        }
      }
      onProgress({ filesDone: files.length, filesTotal: files.length, bytesSent: 0, bytesTotal: 0 });
      return { paths: [...paths], failures };
    },
  };
}

/** The bridge over the desktop preload's API. The connection is always open. */
export function createDesktopBridge(api: DropsignApi): Bridge {
  return {
    face: 'desktop',
    api,
    stager: pathStager(api),
    onStatus: (listener) => {
      listener({ kind: 'open' });
      return () => undefined;
    },
  };
}
