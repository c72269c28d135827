/**
 * Starts the built `dropsign web --port 0` for the renderer benchmark, on a fresh data directory under
 * `workDir` (the end-to-end tests' launcher, given the CLI as found from out/test/bench/, where the
 * benchmarks are compiled to, as run.ts finds it).
 */
import { fileURLToPath } from 'node:url';
import { launchDropsignWeb, type DropsignWeb } from '../e2e/helpers/dropsign-web.js';

/** The built CLI, from out/test/bench/. */
const CLI = fileURLToPath(new URL('../../electron/bin/dropsign.js', import.meta.url));

/** A running `dropsign web`. */
export type BenchWebHost = DropsignWeb;

/** Starts `dropsign web` with its data (and HOME) under `workDir`. */
export function startBenchWebHost(workDir: string): Promise<BenchWebHost> {
  return launchDropsignWeb(CLI, workDir);
}
