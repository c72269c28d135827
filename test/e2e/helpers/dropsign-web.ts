/**
 * Runs the built `dropsign web --port 0` on a fresh data directory, as a user would, and reads the address
 * it prints. The built-in `local` profile uploads to the embedded local bucket it starts. The end-to-end
 * tests use {@link startDropsignWeb}; the renderer benchmark, compiled into out/, passes its own path to
 * the CLI to {@link launchDropsignWeb}.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { CLI_PATH, REPO_ROOT } from '../../helpers/cli-path.js';

/** A running `dropsign web`. */
export interface DropsignWeb {
  /** The printed address, with the token. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  /** Everything it printed so far. */
  output(): string;
  /** Stops it (Ctrl+C) and resolves its exit code. */
  stop(): Promise<number | null>;
}

/** Why 30 s: the first start on a loaded 2-core machine loads the keychain module and makes the local bucket's keys. */
const READY_TIMEOUT_MS = 30_000;

/** Starts `node CLI web --port 0` with its data (and HOME) under `workDir`, and waits for its address. */
export async function launchDropsignWeb(cli: string, workDir: string): Promise<DropsignWeb> {
  const dataDir = path.join(workDir, 'data');
  await mkdir(dataDir, { recursive: true });
  const child = spawn(process.execPath, [cli, 'web', '--port', '0'], {
    env: { ...process.env, HOME: workDir, DROPSIGN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dropsign web did not print its address:\n${out}`)), READY_TIMEOUT_MS);
    const look = (): void => {
      const match = /Open\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout.on('data', look);
    void exited.then(() => reject(new Error(`dropsign web exited:\n${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    output: () => out,
    stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** Starts the built `dropsign web` in a fresh folder under `.tmp/`, deleted again by `stop()`. */
export async function startDropsignWeb(): Promise<DropsignWeb> {
  await mkdir(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  const work = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'e2e-web-'));
  const web = await launchDropsignWeb(CLI_PATH, work);
  return {
    ...web,
    async stop() {
      const code = await web.stop();
      await rm(work, { recursive: true, force: true });
      return code;
    },
  };
}
