import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileWorld, scriptedTerminal, type ProfileWorld } from './profile-harness.js';

const SECRET = 'Pr0d+Secret/Value=NeverShown';
const ROTATED = 'R0tated+Secret/Value=AlsoHidden';
const TOKEN = 'STS+Token/Value=NeverShownEither';
const ADD = ['add', 'prod', '--region', 'cn-hangzhou', '--bucket', 'photos', '--access-key-id', 'LTAI5tExampleKeyId'];

let world: ProfileWorld;
beforeEach(async () => {
  world = await profileWorld();
  world.secrets.push(SECRET, ROTATED, TOKEN);
});
afterEach(async () => {
  await world.close();
});

/** The keychain entry of a profile, parsed. */
function stored(name: string): unknown {
  const value = world.keychain.entries.get(`profile:${name}`);
  return value === undefined ? undefined : JSON.parse(value);
}

/** Asserts no file in the app data directory holds a secret. */
async function expectNoSecretInFiles(): Promise<void> {
  for (const file of await world.files()) {
    for (const secret of world.secrets) expect(file.text, file.name).not.toContain(secret);
  }
}

describe('profile add', () => {
  it('stores the secret from stdin in the keychain only, and the profile (without it) in profiles.json', async () => {
    const run = await world.profile([...ADD, '--secret-stdin'], scriptedTerminal({ stdin: `${SECRET}\n` }));
    expect(run).toMatchObject({ code: 0 });
    expect(run.out).toContain('Added profile "prod": oss cn-hangzhou, bucket photos, https://oss-cn-hangzhou.aliyuncs.com.');
    expect(run.out).toContain('The secret is in the OS keychain (service "Dropsign", account "profile:prod"), not in any file.');
    expect(run.out).toContain('"prod" is now the default profile.');
    expect(run.err).toContain('mainland China region (cn-hangzhou)');
    expect(stored('prod')).toEqual({ accessKeySecret: SECRET });
    expect((await world.files()).map((f) => f.name)).toEqual(['profiles.json']);
    await expectNoSecretInFiles();
  });

  it('asks for the secret on a prompt that does not echo (and the key id when missing)', async () => {
    const terminal = scriptedTerminal({ interactive: true, answers: ['LTAI5tTyped', SECRET] });
    const run = await world.profile(['add', 'prod', '--region', 'cn-hangzhou', '--bucket', 'photos'], terminal);
    expect(run.code).toBe(0);
    expect(terminal.prompts).toEqual(['AccessKey ID: ', 'AccessKey secret (not shown): ']);
    expect(stored('prod')).toEqual({ accessKeySecret: SECRET });
  });

  it('stores STS credentials with the token and its expiry (a duration from now)', async () => {
    const run = await world.profile([...ADD, '--secret-stdin', '--with-session-token', '--session-token-expires', '1h'], scriptedTerminal({ stdin: `${SECRET}\n${TOKEN}\n` }));
    expect(run.code).toBe(0);
    expect(stored('prod')).toEqual({ accessKeySecret: SECRET, securityToken: TOKEN, securityTokenExpiresAt: '2025-01-02T04:00:00.000Z' });
  });

  it('never accepts the secret as an argument, and never echoes it', async () => {
    for (const args of [[...ADD, '--secret', SECRET], [...ADD, `--access-key-secret=${SECRET}`], [...ADD, '--session-token', TOKEN], [...ADD, '--passphrase', SECRET]]) {
      const run = await world.profile(args);
      expect(run.code).toBe(2);
      expect(run.err).toContain('[credentials-in-arguments]');
    }
    expect(world.keychain.entries.size).toBe(0);
  });

  it('without a terminal and without --secret-stdin, says how to pipe the secret', async () => {
    const run = await world.profile(ADD);
    expect(run.code).toBe(1);
    expect(run.err).toContain('[secret-input-unavailable]');
    expect(run.err).toContain('--secret-stdin');
  });

  it('refuses a pasted secret with a trailing space, without quoting it', async () => {
    const run = await world.profile([...ADD, '--secret-stdin'], scriptedTerminal({ stdin: `${SECRET} \n` }));
    expect(run.code).toBe(2);
    expect(run.err).toContain('[invalid-credentials]');
  });

  it('checks the profile before asking for the secret', async () => {
    const terminal = scriptedTerminal({ interactive: true, answers: [SECRET] });
    const run = await world.profile(['add', 'prod', '--region', 'oss-cn-hangzhou', '--bucket', 'photos', '--access-key-id', 'X'], terminal);
    expect(run.err).toContain('[invalid-region]');
    expect(terminal.prompts).toEqual([]);
  });

  it('refuses missing --region/--bucket, bad names, and the reserved "local"', async () => {
    expect((await world.profile(['add', 'prod', '--bucket', 'photos', '--access-key-id', 'X'])).err).toContain('Missing required option --region.');
    expect((await world.profile(['add', 'Prod!', '--region', 'cn-hangzhou', '--bucket', 'b', '--access-key-id', 'X'])).err).toContain('[invalid-profile]');
    expect((await world.profile(['add', 'local', '--region', 'cn-hangzhou', '--bucket', 'b', '--access-key-id', 'X'])).err).toContain('built-in profile');
  });

  it('with no keychain: says so with the fix, stores nothing anywhere, never falls back to a file', async () => {
    world.keychain.setStatus({ kind: 'no-service', explanation: 'There is no OS keychain to store the secret in.', fix: 'Install and start a Secret Service such as GNOME Keyring.' });
    const terminal = scriptedTerminal({ stdin: `${SECRET}\n` });
    const run = await world.profile([...ADD, '--secret-stdin'], terminal);
    expect(run.code).toBe(1);
    expect(run.err).toContain('There is no OS keychain to store the secret in. [keychain-unavailable] Install and start a Secret Service');
    expect(run.err).toContain('--secret-store encrypted-file');
    expect(await world.files()).toEqual([]);
  });

  it('with a locked keychain: says how to unlock it', async () => {
    world.keychain.setStatus({ kind: 'locked', explanation: 'The OS keychain is locked.', fix: 'Unlock the login keyring.' });
    const run = await world.profile([...ADD, '--secret-stdin'], scriptedTerminal({ stdin: `${SECRET}\n` }));
    expect(run.err).toContain('[keychain-locked] Unlock the login keyring.');
  });

  it('rotates with --replace (fields kept) and edits without a new secret with --keep-secret', async () => {
    await world.profile([...ADD, '--prefix', 'uploads/', '--secret-stdin'], scriptedTerminal({ stdin: SECRET }));
    expect((await world.profile([...ADD, '--secret-stdin'], scriptedTerminal({ stdin: ROTATED }))).err).toContain('[profile-exists]');
    const rotate = await world.profile(['add', 'prod', '--replace', '--access-key-id', 'LTAI5tNewKey', '--secret-stdin'], scriptedTerminal({ stdin: ROTATED }));
    expect(rotate.out).toContain('Updated profile "prod"');
    expect(stored('prod')).toEqual({ accessKeySecret: ROTATED });
    const edit = await world.profile(['add', 'prod', '--replace', '--keep-secret', '--bucket', 'other', '--link-expiry', '15m']);
    expect(edit.code).toBe(0);
    const show = JSON.parse((await world.profile(['show', 'prod', '--json'])).out) as Record<string, unknown>;
    expect(show).toMatchObject({ bucket: 'other', keyPrefix: 'uploads/', accessKeyId: 'LTAI5tNewKey', linkExpirySeconds: 900, secret: 'stored in the OS keychain' });
    expect(stored('prod')).toEqual({ accessKeySecret: ROTATED });
  });

  it('keeps secrets in a passphrase-encrypted file only when asked, with the passphrase from the environment', async () => {
    const passphrase = 'correct horse battery staple';
    world.env['DROPSIGN_SECRETS_PASSPHRASE'] = passphrase;
    world.secrets.push(passphrase);
    const run = await world.profile([...ADD, '--secret-store', 'encrypted-file', '--secret-stdin'], scriptedTerminal({ stdin: SECRET }));
    expect(run.code).toBe(0);
    expect(run.out).toContain('The secret is in the encrypted file');
    expect(world.keychain.entries.size).toBe(0);
    expect((await world.files()).map((f) => f.name).sort()).toEqual(['profiles.json', 'secrets.enc.json']);
    await expectNoSecretInFiles();
    expect((await world.profile(['show', 'prod'])).out).toContain('secret:        stored in the encrypted secret file');
    world.env['DROPSIGN_SECRETS_PASSPHRASE'] = 'wrong passphrase';
    const wrong = await world.profile(['show', 'prod']);
    expect(wrong.out).toContain('[wrong-passphrase]');
  });
});

describe('profile list, show, default, remove', () => {
  beforeEach(async () => {
    await world.profile([...ADD, '--secret-stdin'], scriptedTerminal({ stdin: SECRET }));
    await world.profile(
      ['add', 'minio', '--provider', 's3', '--region', 'us-east-1', '--bucket', 'dev', '--endpoint', 'http://127.0.0.1:9000', '--access-key-id', 'minio', '--secret-stdin'],
      scriptedTerminal({ stdin: ROTATED }),
    );
  });

  it('lists stored profiles and the built-in one, marking the default', async () => {
    const run = await world.profile(['list']);
    expect(run.out.split('\n').slice(0, 4)).toEqual([
      '   NAME   PROVIDER  REGION       BUCKET    ENDPOINT',
      '*  prod   oss       cn-hangzhou  photos    https://oss-cn-hangzhou.aliyuncs.com',
      '   minio  s3        us-east-1    dev       http://127.0.0.1:9000',
      '   local  oss       cn-hangzhou  dropsign  http://127.0.0.1:47110  (built-in)',
    ]);
    const json = JSON.parse((await world.profile(['list', '--json'])).out) as { defaultProfile: string; profiles: { name: string }[] };
    expect(json.defaultProfile).toBe('prod');
    expect(json.profiles.map((p) => p.name)).toEqual(['prod', 'minio', 'local']);
  });

  it('shows every field but the secret', async () => {
    const run = await world.profile(['show', 'minio']);
    expect(run.out).toContain('provider:      s3');
    expect(run.out).toContain('scheme:        s3-v4');
    expect(run.out).toContain('style:         path');
    expect(run.out).toContain('access key id: minio');
    expect(run.out).toContain('secret:        stored in the OS keychain');
    world.keychain.entries.delete('profile:minio');
    expect((await world.profile(['show', 'minio'])).out).toContain('secret:        missing from the OS keychain (Enter it again: dropsign profile add minio --replace');
  });

  it('show keeps working when the keychain is locked, and says so', async () => {
    world.keychain.setStatus({ kind: 'locked', explanation: 'The OS keychain is locked.', fix: 'Unlock it.' });
    const run = await world.profile(['show', 'prod']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('secret:        cannot be checked: The OS keychain is locked. [keychain-locked]');
  });

  it('changes and prints the default', async () => {
    expect((await world.profile(['default', 'minio'])).out).toBe('"minio" is now the default profile.\n');
    expect((await world.profile(['default'])).out).toBe('minio\n');
    expect((await world.profile(['default', 'nope'])).err).toContain('[profile-not-found]');
  });

  it('removes a profile and its secret; the default falls back to local', async () => {
    const run = await world.profile(['remove', 'prod']);
    expect(run.out).toBe('Removed profile "prod". Its secret was deleted.\nThe default profile is now the built-in "local" one; choose another with dropsign profile default NAME.\n');
    expect(stored('prod')).toBeUndefined();
    expect((await world.profile(['default'])).out).toBe('local (built-in; none chosen)\n');
    expect((await world.profile(['remove', 'prod'])).err).toContain('[profile-not-found]');
    expect((await world.profile(['remove', 'local'])).err).toContain('cannot be removed');
  });

  it('keeps the profile when the keychain cannot delete its secret, unless --force', async () => {
    world.keychain.setStatus({ kind: 'no-service', explanation: 'No keychain.', fix: 'Start one.' });
    const refused = await world.profile(['remove', 'minio']);
    expect(refused.code).toBe(1);
    world.keychain.setStatus({ kind: 'available' });
    expect((await world.profile(['show', 'minio'])).code).toBe(0);
    world.keychain.setStatus({ kind: 'no-service', explanation: 'No keychain.', fix: 'Start one.' });
    const forced = await world.profile(['remove', 'minio', '--force']);
    expect(forced.out).toContain('account "profile:minio" by hand');
  });

  it('reports a damaged profiles.json, keeps it aside, and goes on', async () => {
    await writeFile(path.join(world.dataDir, 'profiles.json'), '{"version":1,"data":');
    const run = await world.profile(['list']);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/dropsign: warning: The profile list was damaged .*kept as ".*profiles\.json\.corrupt-/);
    expect((await world.files()).some((f) => f.name.startsWith('profiles.json.corrupt-'))).toBe(true);
  });

  it('rejects unknown sub-commands', async () => {
    expect((await world.profile(['frobnicate'])).err).toContain('Unknown sub-command "frobnicate"');
  });
});
