import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The built `dropsign` executable (out/ is built by the integration project's global setup). */
export const CLI_PATH = join(REPO_ROOT, 'out/electron/bin/dropsign.js');
