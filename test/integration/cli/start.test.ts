/**
 * `dropsign start` (what `npm start` runs) as a new user meets it: it serves the embedded local bucket from the
 * app data directory, and the commands it prints upload a file and fetch it back through a share link.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, REPO_ROOT } from '../../helpers/cli-path.js';

let work = '';
beforeAll(async () => {
  // Inside the clone (in the ignored .tmp/) so `npx dropsign` finds the project, as it does for a user.
  await mkdir(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  work = await mkdtemp(path.join(REPO_ROOT, '.tmp', 'start-'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('dropsign start', () => {
  it('serves the local bucket and prints commands that upload a file and read it back through a link', async () => {
    const env = { PATH: process.env['PATH'] ?? '', HOME: work, DROPSIGN_DATA_DIR: path.join(work, 'data'), npm_config_yes: 'false' };
    const child = spawn(process.execPath, [CLI_PATH, 'start', '--port', '0'], { env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready: ${out}`)), 20_000);
        child.stdout.on('data', () => {
          if (out.includes('Press Ctrl+C')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      expect(out).toMatch(/Endpoint {2}http:\/\/127\.0\.0\.1:\d+/);
      expect(out).toContain(path.join(work, 'data', 'local-bucket', 'access-key.json'));

      const tryIt = out
        .slice(out.indexOf('Try it'), out.indexOf('The last command'))
        .split('\n')
        .filter((line) => line.startsWith('  '))
        .map((line) => line.slice(2))
        .join('\n');
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', tryIt], { cwd: work, env });
      expect(stdout).toContain('hello from Dropsign');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('Dropsign stopped.');
  });
});
