import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ProfileSaveRequest, ProfileView } from '../../../../../electron/shared/ipc/profile-types.js';
import { ProfilesPage } from '../../../../../renderer/src/features/profiles/ProfilesPage.js';
import { fakeHost, LOCAL_PROFILE, ok, passedReport, profileView, refused, renderScreen, resetStore, type Handlers } from './fake-host.js';

/** The view the host answers for a saved request. */
function savedView(request: ProfileSaveRequest): ProfileView {
  return profileView(request.profile.name, { region: request.profile.region, bucket: request.profile.bucket, accessKeyId: request.profile.accessKeyId });
}

/** The profiles screen at `path`, with a host that saves whatever it is sent. */
function open(path: string, handlers: Handlers = {}) {
  const host = fakeHost({
    'profiles:save': (request) => ok({ profile: savedView(request), created: request.replace !== true, becameDefault: false, warnings: [] }),
    'profiles:get': (name) => ok(profileView(name)),
    ...handlers,
  });
  const user = userEvent.setup({ delay: null });
  const view = renderScreen(<ProfilesPage />, host, path, '/profiles');
  return { ...host, ...view, user };
}

function input(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

async function fillNewProfile(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(input('Name (required)'), 'prod');
  await user.type(input('Region (required)'), 'cn-hangzhou');
  await user.type(input('Bucket (required)'), 'photos');
  await user.type(input('AccessKey ID (required)'), 'LTAI5tKey');
  await user.type(input('AccessKey secret (required)'), 'the-secret');
}

describe('the profile editor', () => {
  beforeEach(() => resetStore());

  it('shows a field\'s problem once it is left, and a save of a wrong form focuses the first problem and sends nothing', async () => {
    const { user, callsTo } = open('/profiles/new');
    await user.type(input('Name (required)'), 'Prod');
    expect(screen.queryByTestId('problem-profile-name')).toBeNull();
    await user.tab();
    expect(screen.getByTestId('problem-profile-name').textContent).toBe('Use 1 to 64 lower-case letters, digits, “.”, “_” or “-”, starting with a letter or digit.');
    expect(input('Name (required)').getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByTestId('form-problems').textContent).toBe('5 fields need attention.');
    expect(screen.getByTestId('form-problems').getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(input('Name (required)'));
    expect(screen.getByTestId('problem-profile-secret').textContent).toBe('A new profile needs its AccessKey secret.');
    expect(callsTo('profiles:save')).toStrictEqual([]);
  });

  it('sends exactly the profile the form describes with its secret, then carries on as the editor of what was saved', async () => {
    const { user, callsTo, history } = open('/profiles/new');
    await fillNewProfile(user);
    await user.type(input('Key prefix (optional)'), 'uploads/');
    await user.selectOptions(screen.getByLabelText('Share links valid for'), '86400');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The profile “prod” was saved.')).toBeTruthy();
    expect(callsTo('profiles:save')).toStrictEqual([
      [
        {
          profile: { name: 'prod', provider: 'oss', scheme: 'oss-v4', region: 'cn-hangzhou', endpoint: { kind: 'public' }, bucket: 'photos', keyPrefix: 'uploads/', linkExpirySeconds: 86_400, accessKeyId: 'LTAI5tKey', secretStore: 'keychain' },
          secret: { accessKeySecret: 'the-secret' },
        },
      ],
    ]);
    expect(history.at(-1)).toBe('/profiles/edit/prod');
    expect(screen.getByRole('heading', { name: 'Edit “prod”' })).toBeTruthy();
    // The secret typed is gone from the page; the field now says an empty one keeps it.
    expect(input('AccessKey secret (optional)').value).toBe('');
    expect(screen.getByText('Leave empty to keep the stored secret.')).toBeTruthy();
  });

  it('changes a stored profile with replace and without a secret when the secret is left empty', async () => {
    const { user, callsTo } = open('/profiles/edit/prod');
    await waitFor(() => expect(input('Bucket (required)').value).toBe('photos'));
    expect(input('Name (required)').readOnly).toBe(true);
    await user.clear(input('Bucket (required)'));
    await user.type(input('Bucket (required)'), 'archive');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The changes to “prod” were saved.')).toBeTruthy();
    const [[request]] = callsTo('profiles:save') as [[ProfileSaveRequest]];
    expect(request).toStrictEqual({
      profile: { name: 'prod', provider: 'oss', scheme: 'oss-v4', region: 'cn-hangzhou', endpoint: { kind: 'public' }, style: 'virtual-hosted', bucket: 'archive', keyPrefix: '', linkExpirySeconds: 3600, accessKeyId: 'LTAI5tExampleKeyId', secretStore: 'keychain' },
      replace: true,
    });
    expect(callsTo('profiles:get')).toStrictEqual([['prod']]);
  });

  it('shows the host\'s refusal next to the field it names, and moves the focus there', async () => {
    const bucketError = { code: 'invalid-bucket', message: 'Profile bucket: The bucket name "photos" does not exist in this account.', hint: 'Check the bucket name in the console.', details: { field: 'bucket' } } as const;
    const { user } = open('/profiles/new', { 'profiles:save': () => refused(bucketError) });
    await fillNewProfile(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByTestId('problem-profile-bucket').textContent).toBe(`${bucketError.message} ${bucketError.hint}`));
    expect(document.activeElement).toBe(input('Bucket (required)'));
    expect(screen.queryByTestId('save-error')).toBeNull();
    // Changing the field drops what the host said about its old value.
    await user.type(input('Bucket (required)'), '2');
    expect(screen.queryByTestId('problem-profile-bucket')).toBeNull();
  });

  it('shows a refusal about no field above the form', async () => {
    const { user } = open('/profiles/new', { 'profiles:save': () => refused({ code: 'internal', message: 'Unexpected error: disk full', hint: 'Free some space.' }) });
    await fillNewProfile(user);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('save-error')).textContent).toContain('Unexpected error: disk full');
  });

  it('saves and then tests the saved profile when asked, and reports the result', async () => {
    const { user, callsTo } = open('/profiles/new', { 'profiles:test': (name) => ok(passedReport(name ?? '')) });
    await fillNewProfile(user);
    await user.click(screen.getByRole('button', { name: 'Save and test' }));
    expect((await screen.findByTestId('probe-report')).getAttribute('data-outcome')).toBe('passed');
    expect(screen.getByText('Test passed').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('editor-status').textContent).toBe('The profile “prod” was saved.');
    expect(callsTo('profiles:test')).toStrictEqual([['prod']]);
  });

  it('hides the secret, and shows it only while something is typed and Show is pressed', async () => {
    const { user } = open('/profiles/new');
    const secret = input('AccessKey secret (required)');
    const show = screen.getByRole('button', { name: 'Show the secret' });
    expect(secret.type).toBe('password');
    expect((show as HTMLButtonElement).disabled).toBe(true);
    await user.type(secret, 'abc');
    await user.click(show);
    expect(secret.type).toBe('text');
    expect(show.getAttribute('aria-pressed')).toBe('true');
    await user.clear(secret);
    expect(secret.type).toBe('password');
  });

  it('offers what the provider has: S3 signs with SigV4 and has no internal endpoint', async () => {
    const { user } = open('/profiles/new');
    const optionsOf = (label: string) => [...(screen.getByLabelText(label) as HTMLSelectElement).options].map((option) => option.value);
    expect(optionsOf('Signing scheme')).toStrictEqual(['oss-v4', 'oss-v1']);
    expect(optionsOf('Endpoint')).toContain('internal');
    await user.selectOptions(screen.getByLabelText('Provider'), 's3');
    expect(optionsOf('Signing scheme')).toStrictEqual(['s3-v4']);
    expect(optionsOf('Endpoint')).toStrictEqual(['public', 'accelerate', 'custom']);
    expect(screen.getByText(/The bucket’s region, for example us-east-1/)).toBeTruthy();
  });

  it('shows where requests will go, and asks for the address of a custom endpoint', async () => {
    const { user } = open('/profiles/new');
    await user.type(input('Region (required)'), 'cn-beijing');
    expect(screen.getByTestId('endpoint-resolved').textContent).toBe('Requests go to https://oss-cn-beijing.aliyuncs.com.');
    await user.selectOptions(screen.getByLabelText('Endpoint'), 'custom');
    await user.type(input('Endpoint address (required)'), 'http://127.0.0.1:9000/bucket');
    await user.tab();
    expect(screen.getByTestId('problem-profile-endpointUrl').textContent).toBe('Only scheme://host[:port]: no path, query or fragment.');
  });

  it('opens the built-in local profile read-only, with Test and without Save', async () => {
    const { user, callsTo } = open('/profiles/edit/local', {
      'profiles:get': () => ok(LOCAL_PROFILE),
      'profiles:test': (name) => ok(passedReport(name ?? '')),
    });
    expect(await screen.findByRole('heading', { name: 'The built-in profile “local”' })).toBeTruthy();
    expect(screen.getByTestId('builtin-note').textContent).toContain('cannot be changed or removed');
    expect(input('Bucket (required)').readOnly).toBe(true);
    expect(input('Bucket (required)').value).toBe('dropsign');
    expect((screen.getByLabelText('Provider') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save and test' })).toBeNull();
    expect(screen.queryByLabelText(/AccessKey secret/)).toBeNull();
    await user.type(input('Bucket (required)'), 'x');
    expect(input('Bucket (required)').value).toBe('dropsign');

    await user.click(screen.getByRole('button', { name: 'Test' }));
    expect((await screen.findByTestId('probe-report')).getAttribute('data-outcome')).toBe('passed');
    expect(callsTo('profiles:test')).toStrictEqual([['local']]);
    expect(callsTo('profiles:save')).toStrictEqual([]);
  });

  it('says so when the profile asked for does not exist', async () => {
    open('/profiles/edit/gone', { 'profiles:get': () => refused({ code: 'profile-not-found', message: 'There is no profile named "gone".', hint: 'List them.' }) });
    expect(await screen.findByText('There is no profile named “gone”.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });
});
