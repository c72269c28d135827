/**
 * Runs `dropsign profile ...` and `dropsign sign ...` in-process with a memory keychain, a scripted
 * terminal and a temp app data directory, and checks on every run that no known secret reaches the output.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { createProfileCommand } from '../../../../electron/cli/commands/profile.js';
import { createSignCommand } from '../../../../electron/cli/commands/sign.js';
import type { CliIo } from '../../../../electron/cli/io.js';
import type { ProfileCliDeps } from '../../../../electron/cli/profile-cli-context.js';
import type { Terminal } from '../../../../electron/cli/terminal.js';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store.js';

/** A terminal whose answers are scripted; records every prompt. */
export interface ScriptedTerminal extends Terminal {
  readonly prompts: string[];
}

/** `answers` are consumed in order by ask/askSecret; `stdin` is what --secret-stdin reads. */
export function scriptedTerminal(options: { interactive?: boolean; answers?: readonly string[]; stdin?: string } = {}): ScriptedTerminal {
  const answers = [...(options.answers ?? [])];
  const prompts: string[] = [];
  const next = (prompt: string): Promise<string> => {
    prompts.push(prompt);
    const answer = answers.shift();
    return answer === undefined ? Promise.reject(new Error(`unexpected prompt: ${prompt}`)) : Promise.resolve(answer);
  };
  return {
    interactive: options.interactive ?? false,
    prompts,
    ask: next,
    askSecret: next,
    readStdin: () => Promise.resolve(options.stdin ?? ''),
  };
}

/** One test's world: a data directory, a keychain, and runners. */
export interface ProfileWorld {
  readonly dataDir: string;
  readonly keychain: MemorySecretStore;
  /** Values that must never appear in output or in files. */
  readonly secrets: string[];
  env: Record<string, string>;
  now: number;
  profile(args: readonly string[], terminal?: ScriptedTerminal): Promise<Run>;
  sign(args: readonly string[], terminal?: ScriptedTerminal): Promise<Run>;
  /** Every file under the data directory, with its text. */
  files(): Promise<readonly { readonly name: string; readonly text: string }[]>;
  close(): Promise<void>;
}

/** What a run printed and returned. */
export interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Cheap scrypt for the encrypted-file store in tests. */
const FAST_KDF = { N: 2 ** 10, r: 8, p: 1 };

/** A fresh world. */
export async function profileWorld(): Promise<ProfileWorld> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'dropsign-profile-cli-'));
  // Stands in for the OS keychain, and says so in messages as the real one does.
  const keychain = new MemorySecretStore({ kind: 'available' }, 'the OS keychain');
  const secrets: string[] = [];
  const world: ProfileWorld = {
    dataDir,
    keychain,
    secrets,
    env: { DROPSIGN_DATA_DIR: dataDir },
    now: Date.parse('2025-01-02T03:00:00Z'),
    profile: (args, terminal) => run('profile', args, terminal),
    sign: (args, terminal) => run('sign', args, terminal),
    files: async () => {
      const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
      const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
      return Promise.all(files.map(async (file) => ({ name: path.relative(dataDir, file), text: await readFile(file, 'utf8') })));
    },
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
  async function run(command: 'profile' | 'sign', args: readonly string[], terminal = scriptedTerminal()): Promise<Run> {
    let out = '';
    let err = '';
    const io: CliIo = {
      out: (text) => void (out += text),
      err: (text) => void (err += text),
      env: world.env,
      cwd: dataDir,
      now: () => world.now,
    };
    const deps: ProfileCliDeps = { terminal: () => terminal, keychain: () => keychain, kdfParams: FAST_KDF };
    const cli = command === 'profile' ? createProfileCommand(deps) : createSignCommand(deps);
    let code: number;
    try {
      code = await cli.run(args, io);
    } catch (error) {
      // sign throws to the dispatcher, which reports; mirror that here.
      const { reportError } = await import('../../../../electron/cli/report-error.js');
      code = reportError(error, io);
    }
    for (const secret of secrets) {
      expect(out).not.toContain(secret);
      expect(err).not.toContain(secret);
    }
    return { code, out, err };
  }
  return world;
}
