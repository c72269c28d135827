import { describe, expect, it } from 'vitest';
import { classifyKeychainError } from '../../../../electron/core/secrets/keychain-diagnosis.js';
import { KeytarSecretStore, STATUS_PROBE_ACCOUNT, type KeytarApi } from '../../../../electron/core/secrets/keytar-secret-store.js';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store.js';
import { requireAvailable, SECRET_SERVICE_NAME } from '../../../../electron/core/secrets/secret-store.js';
import { decodeStoredSecret, encodeStoredSecret } from '../../../../electron/core/secrets/stored-secret.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

/** A keytar stand-in: a map, or a function that throws libsecret's messages. */
function fakeKeytar(fail?: (operation: string) => Error | undefined): KeytarApi & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const check = (operation: string): void => {
    const error = fail?.(operation);
    if (error !== undefined) throw error;
  };
  return {
    entries,
    getPassword: (service, account) => {
      check('get');
      return Promise.resolve(entries.get(`${service}/${account}`) ?? null);
    },
    setPassword: (service, account, password) => {
      check('set');
      entries.set(`${service}/${account}`, password);
      return Promise.resolve();
    },
    deletePassword: (service, account) => {
      check('delete');
      return Promise.resolve(entries.delete(`${service}/${account}`));
    },
  };
}

async function errorOf(promise: Promise<unknown>): Promise<DropsignError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DropsignError) return error;
    throw error;
  }
  throw new Error('expected a DropsignError');
}

describe('KeytarSecretStore', () => {
  it('stores under the service "Dropsign", keyed by account, and deletes', async () => {
    const keytar = fakeKeytar();
    const store = new KeytarSecretStore({ load: () => Promise.resolve(keytar) });
    await store.set('profile:prod', 'value-1');
    expect(keytar.entries.get(`${SECRET_SERVICE_NAME}/profile:prod`)).toBe('value-1');
    expect(await store.get('profile:prod')).toBe('value-1');
    expect(await store.get('profile:none')).toBeUndefined();
    expect(await store.delete('profile:prod')).toBe(true);
    expect(await store.delete('profile:prod')).toBe(false);
  });

  it('checks availability with a write that it removes again (a locked keyring reads as empty)', async () => {
    const keytar = fakeKeytar();
    const store = new KeytarSecretStore({ load: () => Promise.resolve(keytar) });
    expect(await store.status()).toEqual({ kind: 'available' });
    expect(keytar.entries.has(`${SECRET_SERVICE_NAME}/${STATUS_PROBE_ACCOUNT}`)).toBe(false);
  });

  it('turns a keytar that cannot load (no libsecret) into a typed "no keychain" error, not a crash', async () => {
    const store = new KeytarSecretStore({
      load: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory')),
      platform: 'linux',
    });
    const status = await store.status();
    expect(status.kind).toBe('no-service');
    const error = await errorOf(store.get('profile:prod'));
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toContain('libsecret-1.so.0');
    expect(error.hint).toContain('libsecret');
    expect(error.hint).toContain('--secret-store encrypted-file');
  });

  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain-unavailable', 'gnome-keyring'],
    ['Could not connect: No such file or directory', 'keychain-unavailable', 'gnome-keyring'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'keychain-unavailable', 'gnome-keyring'],
    ['Cannot create an item in a locked collection', 'keychain-locked', 'Unlock the login keyring'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'keychain-locked', 'Unlock the login keyring'],
  ])('libsecret says %j → %s with the fix', async (message, code, fix) => {
    const store = new KeytarSecretStore({ load: () => Promise.resolve(fakeKeytar(() => new Error(message))), platform: 'linux' });
    const error = await errorOf(store.set('profile:prod', 'the-secret-value'));
    expect(error.code).toBe(code);
    expect(error.hint).toContain(fix);
    expect(`${error.message} ${error.hint}`).not.toContain('the-secret-value');
    await expect(requireAvailable(store)).rejects.toMatchObject({ code });
  });

  it('reports other keychain failures as keychain-failed with the library text', async () => {
    const store = new KeytarSecretStore({ load: () => Promise.resolve(fakeKeytar((op) => (op === 'get' ? new Error('Unexpected D-Bus reply') : undefined))) });
    const error = await errorOf(store.get('profile:prod'));
    expect(error.code).toBe('keychain-failed');
    expect(error.message).toContain('Unexpected D-Bus reply');
  });

  it('gives platform-specific fixes', () => {
    expect(classifyKeychainError(new Error('User interaction is not allowed.'), 'darwin')?.fix).toContain('Keychain Access');
    expect(classifyKeychainError(new Error('something else'), 'linux')).toBeUndefined();
  });
});

describe('MemorySecretStore (tests only)', () => {
  it('can pretend to be locked', async () => {
    const store = new MemorySecretStore({ kind: 'locked', explanation: 'Locked.', fix: 'Unlock it.' });
    expect((await errorOf(store.get('a'))).code).toBe('keychain-locked');
  });
});

describe('stored secret format', () => {
  it('round-trips the secret, token and expiry as JSON', () => {
    const value = { accessKeySecret: 's', securityToken: 't', securityTokenExpiresAt: '2025-01-02T03:04:05.000Z' };
    expect(JSON.parse(encodeStoredSecret(value))).toEqual(value);
    expect(decodeStoredSecret(encodeStoredSecret(value), 'the keychain')).toEqual(value);
  });

  it('refuses a value written outside Dropsign without quoting it', () => {
    let caught: unknown;
    try {
      decodeStoredSecret('plain-secret-typed-by-hand', 'the keychain');
    } catch (error) {
      caught = error;
    }
    expect((caught as DropsignError).code).toBe('secret-file-damaged');
    expect((caught as DropsignError).message).not.toContain('plain-secret');
  });
});
