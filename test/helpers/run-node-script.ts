import { spawn } from 'node:child_process';

/**
 * Runs `script` (an ES module's text) in a new Node process with only PATH and `env` in its environment;
 * resolves when it exits with 0, rejects with its standard error otherwise.
 */
export function runNodeScript(script: string, env: Readonly<Record<string, string>>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the script exited with ${String(code)}: ${stderr}`))));
  });
}
