/**
 * A damaged or future-version profiles.json, seen through the built CLI: reported on stderr with where
 * the file was kept, set aside (never deleted), and the CLI goes on with an empty list. Needs no keychain.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliWorld, type CliWorld } from './cli-runner.js';

let world: CliWorld;
beforeEach(async () => {
  world = await cliWorld();
});
afterEach(async () => {
  await world.close();
});

describe('profiles.json that cannot be read', () => {
  it('a damaged file is reported, kept aside byte for byte, and the list starts empty', async () => {
    const damaged = '{"version":1,"data":{"profiles":[{"name":"prod",';
    await writeFile(path.join(world.dataDir, 'profiles.json'), damaged);
    const run = await world.run(['profile', 'list']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^dropsign: warning: The profile list was damaged and could not be read, so it starts empty\. Nothing was deleted: the damaged file was kept as ".*profiles\.json\.corrupt-\d{8}T\d{6}\.\d{3}Z" and can be removed\.\n$/);
    expect(run.stdout).toContain('local  oss');
    const kept = (await world.files()).find((f) => f.name.startsWith('profiles.json.corrupt-'));
    expect(kept?.text).toBe(damaged);
    // Reported once: the next run finds no file and says nothing.
    expect((await world.run(['profile', 'list'])).stderr).toBe('');
  });

  it('a file from a newer Dropsign is kept aside and named as such', async () => {
    const future = JSON.stringify({ version: 7, data: { profiles: [], future: true } });
    await writeFile(path.join(world.dataDir, 'profiles.json'), future);
    const run = await world.run(['profile', 'default']);
    expect(run.stderr).toContain('The profile list was written by a newer version of Dropsign (format 7; this version reads up to 1)');
    expect(run.stderr).toContain('Update Dropsign to use it again.');
    const kept = (await world.files()).find((f) => f.name.startsWith('profiles.json.corrupt-'));
    expect(kept === undefined ? undefined : await readFile(path.join(world.dataDir, kept.name), 'utf8')).toBe(future);
  });
});
