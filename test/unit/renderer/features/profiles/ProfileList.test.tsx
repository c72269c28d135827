import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../../electron/shared/ipc/settings.js';
import { ProfilesPage } from '../../../../../renderer/src/features/profiles/ProfilesPage.js';
import { appInfo, failedReport, fakeHost, ok, profileList, profileView, renderScreen, resetStore, type Handlers } from './fake-host.js';

const PROD = profileView('prod', { isDefault: true });
const MINIO = profileView('minio', { provider: 's3', scheme: 's3-v4', region: 'us-east-1', bucket: 'media', secretStore: 'encrypted-file', secret: 'unknown' });
const LOST = profileView('lost', { secret: 'missing' });

function open(handlers: Handlers = {}) {
  let list = profileList(PROD, MINIO, LOST);
  const host = fakeHost({
    'profiles:list': () => ok(list),
    'profiles:set-default': (name) => {
      list = profileList(...list.profiles.filter((profile) => !profile.builtIn).map((profile) => ({ ...profile, isDefault: profile.name === name })));
      return ok(null);
    },
    'profiles:remove': (name) => {
      list = profileList(...list.profiles.filter((profile) => !profile.builtIn && profile.name !== name));
      return ok({ removed: true, wasDefault: name === 'prod', secretDeleted: true });
    },
    ...handlers,
  });
  const user = userEvent.setup({ delay: null });
  return { ...host, ...renderScreen(<ProfilesPage />, host, '/profiles', '/profiles'), user };
}

function row(name: string): HTMLElement {
  const found = screen.getAllByTestId('profile-row').find((element) => element.dataset['name'] === name);
  if (found === undefined) throw new Error(`no row ${name}`);
  return found;
}

describe('the profile list', () => {
  beforeEach(() => resetStore());

  it('lists every profile with provider, bucket, region, the default, and where its secret is', async () => {
    open();
    await screen.findByRole('table', { name: 'Your profiles' });
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toStrictEqual(['Name', 'Provider', 'Bucket', 'Region', 'Secret', 'Actions']);
    expect(screen.getAllByTestId('profile-row').map((element) => element.dataset['name'])).toStrictEqual(['local', 'prod', 'minio', 'lost']);
    expect(within(row('prod')).getAllByRole('cell').map((cell) => cell.textContent).slice(0, 4)).toStrictEqual(['Alibaba Cloud OSS', 'photos', 'cn-hangzhou', 'In keychain']);
    expect(within(row('prod')).getByTestId('default-badge').textContent).toBe('Default');
    expect(within(row('local')).getByText('Built-in')).toBeTruthy();
    expect(within(row('local')).getByTestId('secret-status').textContent).toBe('Local bucket key');
    expect(within(row('minio')).getByTestId('secret-status').textContent).toBe('Encrypted file');
    expect(within(row('minio')).getByText('S3-compatible')).toBeTruthy();
    expect(within(row('lost')).getByTestId('secret-status').textContent).toBe('Missing');
  });

  it('says the keychain is locked, why and how to fix it, and marks keychain secrets as unknown', async () => {
    resetStore(DEFAULT_SETTINGS, appInfo({ kind: 'locked', explanation: 'The login keyring is locked.', fix: 'Unlock it with your login password.' }));
    open({ 'profiles:list': () => ok(profileList(profileView('prod', { secret: 'unknown' }))) });
    const note = await screen.findByTestId('keychain-note');
    expect(note.textContent).toContain('The keychain is locked');
    expect(note.textContent).toContain('The login keyring is locked.');
    expect(note.textContent).toContain('Unlock it with your login password.');
    expect(within(row('prod')).getByTestId('secret-status').textContent).toBe('Keychain unavailable');
  });

  it('makes a profile the default and says so', async () => {
    const { user, callsTo } = open();
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Make minio the default' }));
    expect((await screen.findByTestId('profiles-status')).textContent).toBe('“minio” is now the default profile.');
    expect(callsTo('profiles:set-default')).toStrictEqual([['minio']]);
    await waitFor(() => expect(within(row('minio')).queryByTestId('default-badge')).not.toBeNull());
  });

  it('removes a profile only after the confirmation, and never offers to remove the built-in one', async () => {
    const { user, callsTo } = open();
    await screen.findByRole('table');
    expect(within(row('local')).queryByRole('button', { name: /Remove/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove lost' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove the profile “lost”?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(callsTo('profiles:remove')).toStrictEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove prod' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getByTestId('profiles-status').textContent).toBe('The profile “prod” was removed. It was the default; the default is now “local”.'));
    expect(callsTo('profiles:remove')).toStrictEqual([['prod']]);
    expect(screen.getAllByTestId('profile-row').map((element) => element.dataset['name'])).toStrictEqual(['local', 'minio', 'lost']);
  });

  it('tests a profile from its row and explains the failure under it', async () => {
    const { user, callsTo } = open({
      'profiles:test': (name) => ok(failedReport(name ?? '', { code: 'signature-mismatch', message: 'Wrong secret: the AccessKey ID LTAI5tExampleKeyId is known, but the stored secret does not match it.', hint: 'h' })),
    });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Test prod' }));
    const report = await screen.findByRole('region', { name: 'Test result of prod' });
    expect(within(report).getByRole('status').textContent).toBe('Test failed: wrong secret');
    expect(callsTo('profiles:test')).toStrictEqual([['prod']]);
  });

  it('opens the editor of a profile and the read-only details of the built-in one', async () => {
    const { user, history } = open();
    await screen.findByRole('table');
    expect(within(row('local')).getByRole('link', { name: 'Details of local' })).toBeTruthy();
    await user.click(within(row('prod')).getByRole('link', { name: 'Edit prod' }));
    expect(history.at(-1)).toBe('/profiles/edit/prod');
  });
});
