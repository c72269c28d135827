import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_PATH, REPO_ROOT } from '../../helpers/cli-path.js';

/** Playwright's global setup: the tests run the built app, so say plainly when it is not built. */
export default function checkBuilt(): void {
  for (const file of [CLI_PATH, join(REPO_ROOT, 'out/renderer/index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the end-to-end tests.`);
  }
}
