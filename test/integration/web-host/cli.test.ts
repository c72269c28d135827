/**
 * `dropsign web` and `dropsign start` as a user runs them (the built CLI): the address printed with its
 * token, a clean stop, plain refusals of bad flags and busy ports, and `start` choosing between the
 * desktop app and browser mode by whether an Electron runtime is installed.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_PATH, REPO_ROOT } from '../../helpers/cli-path.js';

let work = '';
beforeEach(async () => {
  await mkdir(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  work = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'cli-web-'));
});
afterEach(async () => rm(work, { recursive: true, force: true }));

/** A running `dropsign` child: its output so far, a wait for a line, and a stop. */
function run(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: work, DROPSIGN_DATA_DIR: path.join(work, 'data'), ...env },
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    output: () => out,
    exited,
    async waitFor(text: string): Promise<void> {
      for (let waited = 0; !out.includes(text); waited += 50) {
        if (waited > 20_000) throw new Error(`no "${text}" in:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
      child.kill(signal);
      return exited;
    },
  };
}

function printedAddress(out: string): URL {
  const match = /Open\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43})/.exec(out);
  if (match?.[1] === undefined) throw new Error(`no address in:\n${out}`);
  return new URL(match[1]);
}

describe('dropsign web', () => {
  it('prints the address with its token, serves the page to it only, and stops cleanly on Ctrl+C', async () => {
    const web = run(['web', '--port', '0']);
    await web.waitFor('Press Ctrl+C');
    const url = printedAddress(web.output());
    expect(web.output()).toContain('do not share it');
    expect(web.output()).toMatch(/Bucket {4}dropsign on the local bucket at http:\/\/127\.0\.0\.1:\d+/);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url.origin)).status).toBe(401);
    expect(await web.stop()).toBe(0);
    expect(web.output()).toContain('Dropsign stopped.');
    // The spool goes with the host.
    await expect(stat(path.join(work, 'data', 'web-spool'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a bad port in one line, and a busy one with what to do', async () => {
    const bad = run(['web', '--port', 'eighty']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--port "eighty" is not a whole number from 0 to 65535.');

    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = run(['web', '--port', String(port)]);
      // A port the user named and cannot have is a bad invocation (exit 2), like a bad value.
      expect(await busy.exited).toBe(2);
      expect(busy.output()).toContain(`Browser mode could not listen on 127.0.0.1:${port} (EADDRINUSE).`);
      expect(busy.output()).toContain('pick another with --port');
    } finally {
      taken.close();
    }
  });
});

describe('dropsign start', () => {
  it('says plainly that no Electron runtime is installed and starts browser mode, with the local bucket lines', async () => {
    const empty = path.join(work, 'no-electron');
    await mkdir(empty);
    const start = run(['start', '--port', '0', '--web-port', '0'], { ELECTRON_OVERRIDE_DIST_PATH: empty });
    await start.waitFor('Press Ctrl+C');
    const out = start.output();
    expect(out).toContain(`The desktop app cannot run here: ELECTRON_OVERRIDE_DIST_PATH is set, but ${path.join(empty, 'electron')} does not exist.`);
    expect(out).toContain('Dropsign starts in browser mode instead');
    expect((await fetch(printedAddress(out))).status).toBe(200);
    expect(out).toMatch(/Endpoint {2}http:\/\/127\.0\.0\.1:\d+ \(path style\)/);
    expect(out).toContain(path.join(work, 'data', 'local-bucket', 'access-key.json'));
    expect(await start.stop('SIGTERM')).toBe(0);
  });

  it('launches the desktop app with the Electron runtime it finds, and does not start browser mode', async () => {
    const dist = path.join(work, 'electron-dist');
    await mkdir(dist);
    const marker = path.join(work, 'launched.txt');
    // A stand-in runtime: records what it was started with, then quits as the app would.
    await writeFile(path.join(dist, 'electron'), `#!/bin/sh\nprintf '%s' "$1" > "$DROPSIGN_TEST_MARKER"\n`);
    await chmod(path.join(dist, 'electron'), 0o755);
    const start = run(['start'], { ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':0', DROPSIGN_TEST_MARKER: marker });
    expect(await start.exited).toBe(0);
    expect(await readFile(marker, 'utf8')).toBe(REPO_ROOT.replace(/\/$/, ''));
    expect(start.output()).not.toContain('browser mode');
  });
});
