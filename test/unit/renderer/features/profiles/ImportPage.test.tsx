import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportCandidateView, ImportPreview } from '../../../../../electron/shared/ipc/profile-types.js';
import { ProfilesPage } from '../../../../../renderer/src/features/profiles/ProfilesPage.js';
import { fakeHost, ok, profileView, refused, renderScreen, resetStore, type Handlers } from './fake-host.js';

function ready(name: string, fields: Partial<ImportCandidateView> = {}): ImportCandidateView {
  const { builtIn: _builtIn, isDefault: _isDefault, secret: _secret, endpointUrl: _url, ...profile } = profileView(name);
  return { name, source: 'ossutil', origin: '~/.ossutilconfig [Credentials]', provider: 'oss', accessKeyId: `LTAI5t${name}`, hasSessionToken: false, plan: { kind: 'ready', profile }, ...fields };
}

const PREVIEW: ImportPreview = {
  candidates: [
    ready('ossutil'),
    ready('aws-default', { source: 'aws', origin: '~/.aws/credentials [default]', provider: 's3', hasSessionToken: true }),
    { name: 'env', source: 'env', origin: 'OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET', provider: 'oss', accessKeyId: 'LTAI5tEnv', hasSessionToken: false, plan: { kind: 'skip', reason: 'no bucket was named; give one' } },
  ],
  problems: [{ source: 'aliyun', path: '~/.aliyun/config.json', message: 'The file is not JSON.' }],
};

function open(handlers: Handlers = {}) {
  const host = fakeHost({
    'profiles:import-preview': () => ok(PREVIEW),
    'profiles:import-apply': (request) => ok({ imported: request.names.map((name, index) => ({ name, becameDefault: index === 0 })), skipped: [], warnings: [] }),
    ...handlers,
  });
  const user = userEvent.setup({ delay: null });
  return { ...host, ...renderScreen(<ProfilesPage />, host, '/profiles/import', '/profiles'), user };
}

describe('importing profiles', () => {
  beforeEach(() => resetStore());

  it('shows what was found without secrets, and imports only the candidates chosen, with the preview\'s choices', async () => {
    const { user, callsTo } = open();
    await user.selectOptions(screen.getByLabelText('Look in'), 'all');
    await user.type(screen.getByLabelText('Bucket'), 'photos');
    await user.selectOptions(screen.getByLabelText('Keep the secrets in'), 'encrypted-file');
    await user.click(screen.getByRole('button', { name: 'Look for credentials' }));

    expect((await screen.findByTestId('import-status')).textContent).toBe('Found 3 sets of credentials.');
    expect(callsTo('profiles:import-preview')).toStrictEqual([[{ bucket: 'photos', secretStore: 'encrypted-file' }]]);
    const table = screen.getByRole('table', { name: 'Credentials found' });
    expect(within(table).getByText('LTAI5tossutil')).toBeTruthy();
    expect(within(table).getByText('Cannot import: no bucket was named; give one')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Import env' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/The file is not JSON\./)).toBeTruthy();

    // Every importable candidate starts chosen; the user leaves one out.
    await user.click(screen.getByRole('checkbox', { name: 'Import ossutil' }));
    await user.click(screen.getByRole('button', { name: 'Import one profile' }));

    expect((await screen.findByTestId('import-result')).textContent).toContain('aws-default was imported. aws-default is now the default profile.');
    expect(screen.getByTestId('import-status').textContent).toBe('Imported one profile.');
    expect(callsTo('profiles:import-apply')).toStrictEqual([[{ bucket: 'photos', secretStore: 'encrypted-file', names: ['aws-default'] }]]);
  });

  it('looks in one source when asked, and shows the host\'s refusal', async () => {
    const { user, callsTo } = open({ 'profiles:import-preview': () => refused({ code: 'keychain-unavailable', message: 'No Secret Service is running.', hint: 'Use the encrypted file.' }) });
    await user.selectOptions(screen.getByLabelText('Look in'), 'aws');
    await user.click(screen.getByRole('button', { name: 'Look for credentials' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No Secret Service is running.');
    expect(callsTo('profiles:import-preview')).toStrictEqual([[{ from: 'aws', secretStore: 'keychain' }]]);
  });
});
