import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LinkLimits, LinkRequest } from '../../../../../electron/shared/ipc/link-types.js';
import { NewLinkPage } from '../../../../../renderer/src/features/links/NewLinkPage.js';
import { descriptionOf, failed, fakeBridge, linkResult, HOST_FAILURE, ok, ossLimits, profileList, profileView, renderWithBridge, type Handlers } from './fake-bridge.js';

const PROFILES = profileList(profileView('prod', { keyPrefix: 'inbox/' }), profileView('minio', { provider: 's3', scheme: 's3-v4', keyPrefix: 'drop' }));

function limitsFor(profile: string | undefined): LinkLimits {
  return profile === 'minio'
    ? ossLimits('minio', { provider: 's3', scheme: 's3-v4', storageClasses: ['STANDARD'], supportsProcess: false, supportsCallback: false, keyPrefix: 'drop' })
    : ossLimits('prod', { keyPrefix: 'inbox/' });
}

/** The page with a host that knows two profiles and makes every link it is asked for. */
function setUp(handlers: Handlers = {}) {
  const host = fakeBridge({
    'profiles:list': () => ok(PROFILES),
    'links:limits': (profile) => ok(limitsFor(profile)),
    'links:create': (request: LinkRequest) => ok(linkResult({ method: request.method, key: request.key })),
    ...handlers,
  });
  // No pause between keystrokes: the tests type a lot, and nothing here depends on typing speed.
  const user = userEvent.setup({ delay: null });
  renderWithBridge(<NewLinkPage />, host.bridge, '/links/new');
  return { ...host, user };
}

/** Waits until the form can be sent (the profile's limits are in). */
async function formReady(): Promise<void> {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Create link' })).toHaveProperty('disabled', false));
}

// Why 20 s: each test types dozens of keystrokes through user-event, which a loaded 2-core machine runs slowly.
describe('NewLinkPage', { timeout: 20_000 }, () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('preselects the default profile, prefills its key prefix, and sends an upload link with a locked Content-Type and metadata', async () => {
    const { user, callsTo } = setUp();
    await formReady();
    expect(screen.getByLabelText('Profile')).toHaveProperty('value', 'prod');
    expect(callsTo('links:limits')).toStrictEqual([['prod']]);
    expect(screen.getByLabelText('Folder (key prefix)')).toHaveProperty('value', 'inbox/');
    expect(screen.getByRole('radio', { name: /Let someone upload \(PUT\)/ })).toHaveProperty('checked', true);

    await user.type(screen.getByLabelText('File name'), 'cat.png');
    expect(screen.getByTestId('key-preview').textContent).toContain('Key: inbox/cat.png');
    // The file name suggests its type; one click locks it.
    await user.click(screen.getByRole('button', { name: 'Use image/png, the type of cat.png' }));
    expect(screen.getByLabelText('Lock Content-Type')).toHaveProperty('value', 'image/png');
    await user.click(screen.getByLabelText('Refuse to replace an existing object'));
    await user.selectOptions(screen.getByLabelText('Storage class'), 'IA');
    await user.click(screen.getByRole('button', { name: 'Add metadata' }));
    await user.type(screen.getByLabelText('Name of metadata entry 1'), 'from');
    await user.type(screen.getByLabelText('Value of metadata entry 1'), 'alice');
    await user.click(screen.getByRole('radio', { name: '1 day' }));
    await user.click(screen.getByRole('button', { name: 'Create link' }));

    expect(await screen.findByRole('heading', { name: 'Upload link ready' })).toBeTruthy();
    expect(callsTo('links:create')).toStrictEqual([
      [
        {
          method: 'PUT',
          profile: 'prod',
          key: 'inbox/cat.png',
          expiresInSeconds: 86_400,
          fileName: 'cat.png',
          contentType: 'image/png',
          forbidOverwrite: true,
          storageClass: 'IA',
          metadata: [{ name: 'from', value: 'alice' }],
        },
      ],
    ]);
  });

  it('sends an upload callback from the folded-away advanced options, with the OSS body template prefilled', async () => {
    const { user, callsTo } = setUp();
    await formReady();
    await user.type(screen.getByLabelText('File name'), 'a.bin');
    await user.click(screen.getByText('Upload callback (advanced)'));
    expect(screen.getByLabelText('Body')).toHaveProperty('value', 'bucket=${bucket}&object=${object}&size=${size}&mimeType=${mimeType}');
    await user.type(screen.getByLabelText('Callback URL'), 'https://app.example.com/done');
    await user.selectOptions(screen.getByLabelText('Body type'), 'application/json');
    // The untouched template follows the encoding.
    expect(screen.getByLabelText('Body')).toHaveProperty('value', '{"bucket":${bucket},"object":${object},"size":${size},"mimeType":${mimeType}}');
    await user.click(screen.getByRole('button', { name: 'Create link' }));

    await screen.findByTestId('link-result');
    expect(callsTo('links:create')[0]?.[0]).toStrictEqual({
      method: 'PUT',
      profile: 'prod',
      key: 'inbox/a.bin',
      expiresInSeconds: 3600,
      fileName: 'a.bin',
      callback: { url: 'https://app.example.com/done', body: '{"bucket":${bucket},"object":${object},"size":${size},"mimeType":${mimeType}}', bodyType: 'application/json' },
    });
  });

  it('sends a download link with a version, the thumbnail preset and a download name', async () => {
    const { user, callsTo } = setUp();
    await formReady();
    await user.click(screen.getByRole('radio', { name: /Let someone download \(GET\)/ }));
    await user.click(screen.getByRole('radio', { name: 'Whole key' }));
    // The whole key starts as the folder and name so far.
    expect(screen.getByLabelText('Object key')).toHaveProperty('value', 'inbox/');
    await user.clear(screen.getByLabelText('Object key'));
    await user.type(screen.getByLabelText('Object key'), 'photos/cat.jpg');
    await user.type(screen.getByLabelText('Version id'), 'v42');
    await user.click(screen.getByRole('button', { name: 'Thumbnail 200 px wide' }));
    await user.type(screen.getByLabelText('Download as file name'), 'cat.jpg');
    await user.click(screen.getByRole('radio', { name: '15 min' }));
    await user.click(screen.getByRole('button', { name: 'Create link' }));

    expect(await screen.findByRole('heading', { name: 'Download link ready' })).toBeTruthy();
    expect(callsTo('links:create')).toStrictEqual([
      [
        {
          method: 'GET',
          profile: 'prod',
          key: 'photos/cat.jpg',
          expiresInSeconds: 900,
          versionId: 'v42',
          process: 'image/resize,w_200',
          responseContentDisposition: 'attachment; filename="cat.jpg"',
        },
      ],
    ]);
  });

  it('sends nothing while a field is wrong, says what is wrong next to it, and moves focus there', async () => {
    const { user, callsTo } = setUp();
    await formReady();
    await user.click(screen.getByRole('button', { name: 'Add metadata' }));
    await user.type(screen.getByLabelText('Name of metadata entry 1'), 'Bad Name');
    await user.click(screen.getByRole('button', { name: 'Create link' }));

    expect(screen.getByTestId('problems-summary').textContent).toContain('Some fields need attention');
    const fileName = screen.getByLabelText('File name');
    expect(fileName.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(fileName)).toMatch(/Give the file name\./);
    expect(descriptionOf(screen.getByLabelText('Name of metadata entry 1'))).toBe('Lower-case letters, digits and “-”, starting with a letter or digit (at most 64).');
    await waitFor(() => expect(document.activeElement).toBe(fileName));
    expect(callsTo('links:create')).toStrictEqual([]);

    // Fixing a field clears its message at once.
    await user.type(fileName, 'a.txt');
    expect(fileName.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the cap and its reason when it rules out presets, and refuses a custom validity beyond it', async () => {
    const capReason = 'The profile’s STS token expires at 09:30, and a link cannot outlive it.';
    const { user, callsTo } = setUp({
      'links:limits': () => ok(ossLimits('prod', { maxExpirySeconds: 5400, cap: { kind: 'token-expiry', tokenExpiresAt: '2026-11-21T09:30:00Z' }, capReason })),
    });
    await formReady();
    expect(screen.getByRole('radio', { name: '1 hour' })).toHaveProperty('disabled', false);
    expect(screen.getByRole('radio', { name: '1 day' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('radio', { name: '7 days' })).toHaveProperty('disabled', true);
    expect(screen.getByTestId('expiry-cap').textContent).toContain(`${capReason} At most 1 h 30 min with this profile.`);
    expect(descriptionOf(screen.getByRole('group', { name: 'Valid for' }))).toBe(`${capReason} At most 1 h 30 min with this profile.`);

    await user.type(screen.getByLabelText('File name'), 'a.txt');
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const amount = screen.getByLabelText('Amount');
    await user.clear(amount);
    await user.type(amount, '2');
    await user.selectOptions(screen.getByLabelText('Unit'), 'hours');
    // Beyond the cap: said at once, before any attempt to send.
    expect(screen.getByTestId('problem-expiry').textContent).toContain('Longer than this profile allows: at most 1 h 30 min.');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(callsTo('links:create')).toStrictEqual([]);

    await user.clear(amount);
    await user.type(amount, '90');
    await user.selectOptions(screen.getByLabelText('Unit'), 'minutes');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await screen.findByTestId('link-result');
    expect(callsTo('links:create')[0]?.[0]).toMatchObject({ expiresInSeconds: 5400 });
  });

  it('blocks the form while the profile’s temporary token has expired', async () => {
    setUp({
      'links:limits': () =>
        ok(ossLimits('prod', { maxExpirySeconds: 0, cap: { kind: 'token-expired', tokenExpiresAt: '2026-11-20T00:00:00Z' }, capReason: 'The STS token expired at 2026-11-20 00:00 UTC.' })),
    });
    const alert = await screen.findByTestId('token-expired');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('temporary token has expired');
    expect(alert.textContent).toContain('The STS token expired at 2026-11-20 00:00 UTC.');
    expect(screen.getByRole('button', { name: 'Create link' })).toHaveProperty('disabled', true);
  });

  it('asks the limits again when the profile changes, and takes its prefix unless the user typed one', async () => {
    const { user, callsTo } = setUp();
    await formReady();
    await user.selectOptions(screen.getByLabelText('Profile'), 'minio');
    await waitFor(() => expect(screen.getByLabelText('Folder (key prefix)')).toHaveProperty('value', 'drop'));
    expect(callsTo('links:limits')).toStrictEqual([['prod'], ['minio']]);
    // An S3 store: its storage classes, no callback.
    expect(within(screen.getByLabelText('Storage class')).getAllByRole('option').map((option) => option.textContent)).toStrictEqual(['The bucket’s default', 'STANDARD']);
    expect(screen.queryByText('Upload callback (advanced)')).toBeNull();

    await user.clear(screen.getByLabelText('Folder (key prefix)'));
    await user.type(screen.getByLabelText('Folder (key prefix)'), 'mine');
    await user.selectOptions(screen.getByLabelText('Profile'), 'prod');
    await formReady();
    expect(screen.getByLabelText('Folder (key prefix)')).toHaveProperty('value', 'mine');
  });

  it('falls back to what the profile says when its limits cannot be read, and still makes the link', async () => {
    const { user, callsTo } = setUp({ 'links:limits': () => failed(HOST_FAILURE) });
    await formReady();
    expect(screen.getByTestId('limits-unavailable').textContent).toContain('Something went wrong inside Dropsign.');
    expect(screen.getByLabelText('Folder (key prefix)')).toHaveProperty('value', 'inbox/');
    await user.type(screen.getByLabelText('File name'), 'a.txt');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await screen.findByTestId('link-result');
    expect(callsTo('links:create')).toHaveLength(1);
  });

  it('shows the host’s refusal in its own words, and keeps the form', async () => {
    const { user } = setUp({
      'links:create': () => failed({ code: 'invalid-key', message: 'The object key "a" is reserved.', hint: 'Choose another key.' }),
    });
    await formReady();
    await user.type(screen.getByLabelText('File name'), 'a');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    const refusal = await screen.findByTestId('link-refused');
    expect(refusal.getAttribute('role')).toBe('alert');
    expect(refusal.textContent).toContain('The link was not made.');
    expect(refusal.textContent).toContain('The object key "a" is reserved.');
    expect(refusal.textContent).toContain('Choose another key.');
    expect(screen.getByLabelText('File name')).toHaveProperty('value', 'a');
  });

  it('"Make another" comes back to the same form, filled in as it was', async () => {
    const { user } = setUp();
    await formReady();
    await user.type(screen.getByLabelText('File name'), 'first.txt');
    await user.type(screen.getByLabelText('Lock Content-Type'), 'text/plain');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await user.click(await screen.findByRole('button', { name: 'Make another' }));
    expect(screen.getByLabelText('File name')).toHaveProperty('value', 'first.txt');
    expect(screen.getByLabelText('Lock Content-Type')).toHaveProperty('value', 'text/plain');
  });
});
