/**
 * The built `dropsign link` as the link tests run it: in a work folder, against one data directory and its
 * embedded local bucket, checking that no run ever prints the bucket's secret.
 */
import { expect } from 'vitest';
import type { EmbeddedLocalBucket } from '../../../electron/core/local-bucket/index.js';
import { runDropsign, type CliRun } from '../../helpers/run-dropsign.js';

/** Where the runs happen; read at each run (tests set it up in `beforeAll`). */
export interface LinkCliContext {
  readonly bucket: EmbeddedLocalBucket;
  /** HOME for the runs. */
  readonly root: string;
  /** The working directory (where relative `--page` files go). */
  readonly work: string;
  readonly dataDir: string;
}

/** `link(...ARGS)` runs `dropsign link ARGS`; `local()` is `--profile local` at the port the bucket got. */
export function linkCli(context: () => LinkCliContext): { link: (...args: string[]) => Promise<CliRun>; local: () => string[] } {
  return {
    link: async (...args) => {
      const { bucket, root, work, dataDir } = context();
      const run = await runDropsign(['link', ...args], { cwd: work, env: { PATH: process.env['PATH'] ?? '', HOME: root, DROPSIGN_DATA_DIR: dataDir } });
      expect(run.stdout + run.stderr).not.toContain(bucket.accessKeySecret);
      return run;
    },
    local: () => ['--profile', 'local', '--endpoint', context().bucket.handle.endpoint],
  };
}
