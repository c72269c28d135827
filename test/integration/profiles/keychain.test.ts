/**
 * The keytar store against a real Secret Service (gnome-keyring in a private D-Bus session): add, read,
 * rotate, remove. And the honest no-keychain path: keytar pointed at a dead bus gives the typed "no Secret
 * Service" error with the fix, and nothing falls back to plain text.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../electron/core/secrets/keytar-secret-store.js';
import { cliWorld, expectNoSecretInFiles, KEYRING_NOTE, PRIVATE_KEYRING } from './cli-runner.js';

describe(`KeytarSecretStore ${KEYRING_NOTE}`, () => {
  it.skipIf(!PRIVATE_KEYRING)('is available, and adds, reads, rotates and removes a secret under service "Dropsign"', async () => {
    const store = new KeytarSecretStore();
    expect(await store.status()).toEqual({ kind: 'available' });
    const account = `profile:it-${randomBytes(4).toString('hex')}`;
    const first = JSON.stringify({ accessKeySecret: `first-${randomBytes(8).toString('hex')}` });
    const second = JSON.stringify({ accessKeySecret: `second-${randomBytes(8).toString('hex')}`, securityToken: 'tok' });
    expect(await store.get(account)).toBeUndefined();
    await store.set(account, first);
    expect(await store.get(account)).toBe(first);
    // A new instance (another process would be the same) reads what the first stored.
    expect(await new KeytarSecretStore().get(account)).toBe(first);
    await store.set(account, second);
    expect(await store.get(account)).toBe(second);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeUndefined();
    expect(await store.delete(account)).toBe(false);
    // Another service name does not see Dropsign's entries.
    await store.set(account, first);
    expect(await new KeytarSecretStore({ service: 'NotDropsign' }).get(account)).toBeUndefined();
    await store.delete(account);
  });

  it.skipIf(!PRIVATE_KEYRING)('keeps several profiles apart and handles concurrent writes', async () => {
    const store = new KeytarSecretStore();
    const accounts = Array.from({ length: 5 }, (_, i) => `profile:many-${i}-${randomBytes(3).toString('hex')}`);
    await Promise.all(accounts.map((account, i) => store.set(account, `value-${i}`)));
    expect(await Promise.all(accounts.map((account) => store.get(account)))).toEqual(accounts.map((_, i) => `value-${i}`));
    await Promise.all(accounts.map((account) => store.delete(account)));
  });
});

describe('no Secret Service (keytar on a dead D-Bus): typed error with the fix, no plaintext fallback', () => {
  const DEAD_BUS = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/dropsign-test-bus' };
  const SECRET = `NoKeychain+Secret/${randomBytes(6).toString('hex')}`;

  it('profile add fails with keychain-unavailable and the fix, and writes nothing', async () => {
    const world = await cliWorld(DEAD_BUS);
    world.secrets.push(SECRET);
    try {
      const run = await world.run(['profile', 'add', 'prod', '--region', 'cn-hangzhou', '--bucket', 'photos', '--access-key-id', 'LTAI5tNoKeychain', '--secret-stdin'], { stdin: `${SECRET}\n` });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^dropsign: There is no OS keychain to store the secret in: no Secret Service answers on this session\. \[keychain-unavailable\] Install and start a Secret Service such as GNOME Keyring/);
      expect(run.stderr).toContain('--secret-store encrypted-file');
      expect(await world.files()).toEqual([]);
      // Nothing was half-stored: the profile does not exist.
      expect((await world.run(['profile', 'show', 'prod'])).stderr).toContain('[profile-not-found]');
    } finally {
      await world.close();
    }
  });

  it('the passphrase-encrypted file works only when asked for, and holds no plaintext', async () => {
    const world = await cliWorld(DEAD_BUS);
    const passphrase = `pass ${randomBytes(6).toString('hex')}`;
    world.secrets.push(SECRET, passphrase);
    try {
      const env = { DROPSIGN_SECRETS_PASSPHRASE: passphrase };
      const add = await world.run(
        ['profile', 'add', 'prod', '--region', 'cn-hangzhou', '--bucket', 'photos', '--access-key-id', 'LTAI5tNoKeychain', '--secret-store', 'encrypted-file', '--secret-stdin'],
        { stdin: `${SECRET}\n`, env },
      );
      expect(add.code).toBe(0);
      expect(add.stdout).toContain('The secret is in the encrypted file');
      expect((await world.files()).map((f) => f.name).sort()).toEqual(['profiles.json', 'secrets.enc.json']);
      await expectNoSecretInFiles(world);
      const show = await world.run(['profile', 'show', 'prod'], { env });
      expect(show.stdout).toContain('secret:        stored in the encrypted secret file');
      const wrong = await world.run(['sign', '--profile', 'prod', '--key', 'k'], { env: { DROPSIGN_SECRETS_PASSPHRASE: 'not it' } });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('[wrong-passphrase]');
      const noPassphrase = await world.run(['sign', '--profile', 'prod', '--key', 'k']);
      expect(noPassphrase.stderr).toContain('[secret-input-unavailable]');
      expect(noPassphrase.stderr).toContain('DROPSIGN_SECRETS_PASSPHRASE');
    } finally {
      await world.close();
    }
  });
});
