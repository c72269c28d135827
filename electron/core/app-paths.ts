import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name, which is also the folder name of the app data directory. */
export const PRODUCT_NAME = 'Dropsign';

/** The edges `appDataDir` reads, injectable for tests. */
export interface AppPathsEnv {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

/**
 * The app data directory: where profiles, the queue, checkpoints, history and the local bucket live.
 *
 * It is the same folder Electron's `app.getPath('userData')` gives for our product name, so the CLI, browser
 * mode and the desktop app share one state. `DROPSIGN_DATA_DIR` overrides it (tests, portable installs).
 */
export function appDataDir(
  { env, platform, home }: AppPathsEnv = { env: process.env, platform: process.platform, home: homedir() },
): string {
  const override = env['DROPSIGN_DATA_DIR'];
  if (override !== undefined && override !== '') return override;
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    default:
      return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), PRODUCT_NAME);
  }
}
