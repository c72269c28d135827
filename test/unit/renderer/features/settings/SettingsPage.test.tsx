import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppFace } from '../../../../../electron/shared/ipc/app-types.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../../../../../electron/shared/ipc/settings.js';
import { SettingsPage } from '../../../../../renderer/src/features/settings/SettingsPage.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { fakeHost, ok, refused, renderScreen, resetStore, type Handlers } from '../profiles/fake-host.js';

const MIB = 1024 * 1024;

/** The settings screen over a host that applies every change it is sent (unless `handlers` says otherwise). */
function open(face: AppFace = 'browser', handlers: Handlers = {}) {
  let current: AppSettings = DEFAULT_SETTINGS;
  const host = fakeHost(
    {
      'settings:set': (patch) => {
        current = { ...current, ...(patch as Partial<AppSettings>) };
        return ok(current);
      },
      ...handlers,
    },
    face,
  );
  const user = userEvent.setup({ delay: null });
  return { ...host, ...renderScreen(<SettingsPage />, host, '/settings'), user };
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

describe('the settings screen', () => {
  beforeEach(() => resetStore(DEFAULT_SETTINGS));

  it('waits for the host\'s settings before showing any', () => {
    appStore.setState({ settings: undefined });
    open();
    expect(screen.getByText('Loading the settings…')).toBeTruthy();
    expect(screen.queryByLabelText('Files uploading at once')).toBeNull();
  });

  it('shows the current settings, sizes in MiB', () => {
    open();
    expect(field('Files uploading at once').value).toBe('4');
    expect(field('Upload in parts above (MiB)').value).toBe('64');
    expect(field('Part size (MiB)').value).toBe('8');
    expect((screen.getByLabelText('New links are valid for') as HTMLSelectElement).value).toBe('3600');
    expect(field('Copy the share link to the clipboard when uploads finish').checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'As the system' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('en');
    expect(screen.getByText(/Changes apply at once/)).toBeTruthy();
  });

  it('refuses numbers outside the limits without asking the host, and saves one within them when the field is left', async () => {
    const { user, callsTo } = open();
    await user.clear(field('Files uploading at once'));
    await user.type(field('Files uploading at once'), '33{Enter}');
    expect(screen.getByTestId('problem-setting-concurrency').textContent).toBe('Enter a whole number from 1 to 32.');
    expect(field('Files uploading at once').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo('settings:set')).toStrictEqual([]);

    await user.clear(field('Files uploading at once'));
    expect(screen.queryByTestId('problem-setting-concurrency')).toBeNull();
    await user.type(field('Files uploading at once'), '8');
    await user.tab();
    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toBe('Saved.'));
    expect(callsTo('settings:set')).toStrictEqual([[{ concurrency: 8 }]]);
    expect(appStore.getState().settings?.concurrency).toBe(8);
  });

  it('sends sizes typed in MiB as bytes, within the part size limits', async () => {
    const { user, callsTo } = open();
    await user.clear(field('Part size (MiB)'));
    await user.type(field('Part size (MiB)'), '4{Enter}');
    expect(screen.getByTestId('problem-setting-partSize').textContent).toBe('Enter a number of MiB from 5 to 5120.');
    await user.clear(field('Part size (MiB)'));
    await user.type(field('Part size (MiB)'), '16{Enter}');
    await user.clear(field('Upload in parts above (MiB)'));
    await user.type(field('Upload in parts above (MiB)'), '0{Enter}');
    await waitFor(() => expect(callsTo('settings:set')).toStrictEqual([[{ partSize: 16 * MIB }], [{ multipartThreshold: 0 }]]));
  });

  it('takes the default link validity from a preset or a custom amount, at most seven days', async () => {
    const { user, callsTo } = open();
    await user.selectOptions(screen.getByLabelText('New links are valid for'), '86400');
    await user.selectOptions(screen.getByLabelText('New links are valid for'), 'custom');
    await user.clear(screen.getByLabelText('Custom validity'));
    await user.type(screen.getByLabelText('Custom validity'), '8');
    await user.selectOptions(screen.getByLabelText('Unit'), 'days');
    expect(screen.getByTestId('problem-setting-defaultLinkExpirySeconds').textContent).toBe('Enter a validity from 1 second to 7 days.');
    await user.clear(screen.getByLabelText('Custom validity'));
    await user.type(screen.getByLabelText('Custom validity'), '2{Enter}');
    await waitFor(() => expect(callsTo('settings:set')).toStrictEqual([[{ defaultLinkExpirySeconds: 86_400 }], [{ defaultLinkExpirySeconds: 172_800 }]]));
    expect(screen.queryByTestId('problem-setting-defaultLinkExpirySeconds')).toBeNull();
  });

  it('saves switches at once', async () => {
    const { user, callsTo } = open();
    await user.click(field('Copy the share link to the clipboard when uploads finish'));
    await user.click(field('Show a notification when uploads finish or fail'));
    await waitFor(() => expect(callsTo('settings:set')).toStrictEqual([[{ copyLinkOnFinish: false }], [{ notifications: false }]]));
    await waitFor(() => expect(field('Copy the share link to the clipboard when uploads finish').checked).toBe(false));
  });

  it('puts the host\'s answer to a theme or language change in the store, which the appearance follows', async () => {
    const { user, callsTo } = open();
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(appStore.getState().settings?.theme).toBe('dark'));
    await user.selectOptions(screen.getByLabelText('Language'), 'zh-CN');
    await waitFor(() => expect(appStore.getState().settings?.language).toBe('zh-CN'));
    expect(callsTo('settings:set')).toStrictEqual([[{ theme: 'dark' }], [{ language: 'zh-CN' }]]);
    expect([...(screen.getByLabelText('Language') as HTMLSelectElement).options].map((option) => option.textContent)).toStrictEqual(['English', '简体中文']);
  });

  it('keeps a choice shown while the host answers, and falls back to the stored value when refused', async () => {
    let answer: (result: ReturnType<typeof refused>) => void = () => undefined;
    const { user } = open('browser', { 'settings:set': () => new Promise((resolve) => (answer = resolve)) });
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    expect((screen.getByRole('radio', { name: 'Light' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('settings-status').textContent).toBe('Saving…');
    await act(async () => answer(refused({ code: 'state-file-unreadable', message: 'The settings file could not be written.', hint: 'Check the disk.' })));
    expect((screen.getByRole('radio', { name: 'As the system' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('The settings file could not be written. Check the disk.');
    expect(appStore.getState().settings?.theme).toBe('system');
  });

  it('shows the global shortcut disabled in browser mode, with why', () => {
    open('browser');
    const shortcut = field('Global shortcut for uploading the clipboard');
    expect(shortcut.disabled).toBe(true);
    expect(screen.getByText(/Only the desktop app can listen for a global shortcut/)).toBeTruthy();
  });

  it('saves the shortcut on the desktop, none when emptied, and checks its form first', async () => {
    const { user, callsTo } = open('desktop');
    const shortcut = field('Global shortcut for uploading the clipboard');
    expect(shortcut.placeholder).toBe('CommandOrControl+Shift+U');
    await user.type(shortcut, 'Ctrl + U{Enter}');
    expect(screen.getByTestId('problem-setting-globalShortcut').textContent).toBe('Use printable characters without spaces, at most 64, such as CommandOrControl+Shift+U.');
    await user.clear(shortcut);
    await user.type(shortcut, 'CommandOrControl+Shift+U{Enter}');
    await waitFor(() => expect(callsTo('settings:set')).toHaveLength(1));
    await user.clear(shortcut);
    await user.tab();
    await waitFor(() => expect(callsTo('settings:set')).toStrictEqual([[{ globalShortcut: 'CommandOrControl+Shift+U' }], [{ globalShortcut: null }]]));
  });

  it('shows the host\'s refusal next to the setting, and says it was not saved', async () => {
    const error = { code: 'invalid-argument', message: 'The shortcut CommandOrControl+Shift+U is taken by another app.', hint: 'Choose another key combination.' } as const;
    const { user } = open('desktop', { 'settings:set': () => refused(error) });
    await user.type(field('Global shortcut for uploading the clipboard'), 'CommandOrControl+Shift+U{Enter}');
    await waitFor(() => expect(screen.getByTestId('problem-setting-globalShortcut').textContent).toBe(`${error.message} ${error.hint}`));
    expect(screen.getByTestId('settings-status').textContent).toBe('Not saved.');
    expect(appStore.getState().settings?.globalShortcut).toBeNull();
  });
});
