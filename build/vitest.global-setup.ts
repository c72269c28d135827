import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Builds the Node side to out/ once before the integration tests, which run the built `dropsign` as users
 * do. `npm test` builds first and sets DROPSIGN_BUILT=1 so this is skipped there.
 */
export default async function buildOnce(): Promise<void> {
  if (process.env['DROPSIGN_BUILT'] === '1') return;
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'electron/tsconfig.json'], {
      cwd: root,
    });
  } catch (error) {
    const output = (error as { stdout?: string }).stdout ?? String(error);
    throw new Error(`Build before integration tests failed:\n${output}`, { cause: error });
  }
}
