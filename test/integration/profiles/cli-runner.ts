/**
 * Runs the built `dropsign` (out/, built by the integration project's global setup) as users do: a child
 * process with a controlled environment and, for `--secret-stdin`, standard input. Keychain tests use the
 * private Secret Service that test/helpers/with-keyring.sh starts (DROPSIGN_KEYRING=private); anywhere else
 * (DROPSIGN_KEYRING=absent, or unset) they report themselves skipped with the reason.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runDropsign, type CliRun } from '../../helpers/run-dropsign.js';

/** True only inside with-keyring.sh's private session: never touch the user's own keychain. */
export const PRIVATE_KEYRING = process.env['DROPSIGN_KEYRING'] === 'private';

/** Appended to the titles of keychain tests, so a skip says why. */
export const KEYRING_NOTE = PRIVATE_KEYRING
  ? '(private Secret Service)'
  : `(SKIPPED: no private Secret Service, DROPSIGN_KEYRING=${process.env['DROPSIGN_KEYRING'] ?? 'unset'}; run through npm test or test/helpers/with-keyring.sh)`;

/** The variables the child needs to reach the private keychain session. */
const PASS_THROUGH = ['PATH', 'HOME', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'GNOME_KEYRING_CONTROL'];

export type { CliRun } from '../../helpers/run-dropsign.js';

/** A temp app data directory plus a runner bound to it; checks every run's output for `secrets`. */
export interface CliWorld {
  readonly dataDir: string;
  /** Values that must appear in no output and no file. */
  readonly secrets: string[];
  run(args: readonly string[], options?: { readonly stdin?: string; readonly env?: Readonly<Record<string, string>> }): Promise<CliRun>;
  /** Every file under the app data directory, with its text. */
  files(): Promise<readonly { readonly name: string; readonly text: string }[]>;
  close(): Promise<void>;
}

/** Spawns `node out/electron/bin/dropsign.js ARGS` with exactly `env`. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>>, stdin?: string): Promise<CliRun> {
  return runDropsign(args, { env, ...(stdin === undefined ? {} : { stdin }) });
}

/** A fresh world. `baseEnv` replaces the pass-through variables (for a dead D-Bus, say). */
export async function cliWorld(baseEnv: Readonly<Record<string, string>> = {}): Promise<CliWorld> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dropsign-profiles-it-'));
  const secrets: string[] = [];
  const inherited = Object.fromEntries(PASS_THROUGH.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name] as string]])));
  return {
    dataDir,
    secrets,
    run: async (args, options = {}) => {
      const result = await runCli(args, { ...inherited, ...baseEnv, DROPSIGN_DATA_DIR: dataDir, ...options.env }, options.stdin);
      for (const secret of secrets) {
        expect(result.stdout, `stdout of ${args.join(' ')}`).not.toContain(secret);
        expect(result.stderr, `stderr of ${args.join(' ')}`).not.toContain(secret);
        expect(result.stdout).not.toContain(encodeURIComponent(secret));
      }
      return result;
    },
    files: async () => {
      const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
      const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
      return Promise.all(files.map(async (file) => ({ name: path.relative(dataDir, file), text: await readFile(file, 'latin1') })));
    },
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Asserts that no file under the world's data directory holds any of its secrets (raw or encoded). */
export async function expectNoSecretInFiles(world: CliWorld): Promise<void> {
  const files = await world.files();
  for (const file of files) {
    for (const secret of world.secrets) {
      expect(file.text, file.name).not.toContain(secret);
      expect(file.text, file.name).not.toContain(encodeURIComponent(secret));
      expect(file.text, file.name).not.toContain(Buffer.from(secret).toString('base64'));
    }
  }
}
