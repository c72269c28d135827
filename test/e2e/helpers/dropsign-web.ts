/**
 * Runs the built `dropsign web --port 0` on a fresh data directory, as a user would, and reads the address
 * it prints. The built-in `local` profile uploads to the embedded local bucket it starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
  /** Stops it (Ctrl+C) and resolves its exit code; deletes the data directory. */
  stop(): Promise<number | null>;
}

/** Why 20 s: the first start on a cold 2-core machine loads the keychain module and makes the local bucket's keys. */
const READY_TIMEOUT_MS = 20_000;

/** Starts `dropsign web` and waits for its address. */
export async function startDropsignWeb(): Promise<DropsignWeb> {
  await mkdir(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  const work = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'e2e-web-'));
  const dataDir = path.join(work, 'data');
  const child: ChildProcess = spawn(process.execPath, [CLI_PATH, 'web', '--port', '0'], {
    env: { ...process.env, HOME: work, DROPSIGN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dropsign web did not print its address:\n${out}`)), READY_TIMEOUT_MS);
    const look = (): void => {
      const match = /Open\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout?.on('data', look);
    void exited.then(() => reject(new Error(`dropsign web exited:\n${out}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    output: () => out,
    async stop() {
      child.kill('SIGINT');
      const code = await exited;
      await rm(work, { recursive: true, force: true });
      return code;
    },
  };
}
