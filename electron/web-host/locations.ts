/**
 * Where browser mode finds the built renderer and keeps its spool.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built renderer: `out/renderer`, next to this module's built folder (`out/electron/web-host`).
 * Vite writes it (`npm run build`).
 */
export function defaultRendererRoot(): string {
  return fileURLToPath(new URL('../../renderer/', import.meta.url));
}

/** The spool folder in the app data directory. */
export function spoolDirOf(appDataDir: string): string {
  return path.join(appDataDir, 'web-spool');
}
