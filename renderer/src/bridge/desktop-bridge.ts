/**
 * The bridge of the desktop app: the preload's API (`window.dropsign`), and files staged by their real
 * paths (`pathForFile`): no bytes cross IPC, main streams from disk and walks dropped folders itself.
 */
import type { Bridge, DropsignApi, FileStager } from './dropsign-api.js';

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

function pathStager(api: DropsignApi): FileStager {
  return {
    needsFileContents: false,
    stage(files, onProgress) {
      const paths = new Set<string>();
      const failures: { relativePath: string; message: string }[] = [];
      for (const picked of files) {
        const real = api.pathForFile?.(picked.file) ?? '';
        if (real === '') failures.push({ relativePath: picked.relativePath, message: 'This item has no file on disk (it came from another app): save it first, then drop the file.' });
        else paths.add(droppedItemOf(real, picked.relativePath));
      }
      onProgress({ filesDone: files.length, filesTotal: files.length, bytesSent: 0, bytesTotal: 0 });
      return Promise.resolve({ paths: [...paths], failures });
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
