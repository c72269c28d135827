import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SettingsPatch } from '../../../../../electron/shared/ipc/settings.js';
import { DestinationBar } from '../../../../../renderer/src/features/upload/DestinationBar.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { fakeBridge, ok, PROFILES, refused, renderWith, resetStore, settingsWith } from './upload-harness.js';

beforeEach(resetStore);

/** A bridge whose `settings:set` applies the patch to the store's settings, as the host does. */
function hostLike() {
  return fakeBridge({
    'profiles:list': () => ok(PROFILES),
    'settings:set': (patch: SettingsPatch) => ok({ ...(appStore.getState().settings ?? settingsWith()), ...patch } as ReturnType<typeof settingsWith>),
  });
}

describe('DestinationBar', () => {
  it('lists the profiles with the default one marked, and shows where files go', async () => {
    act(() => appStore.getState().setSettings(settingsWith()));
    renderWith(<DestinationBar />, hostLike());
    const select = (await screen.findByRole('combobox', { name: 'Profile' })) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect([...select.options].map((option) => option.textContent)).toEqual(['local (default)', 'prod']);
    expect(select.value).toBe('local');
    expect(screen.getByTestId('destination').textContent).toBe('dropsign/');
  });

  it('remembers the chosen profile through settings:set, and shows its bucket and prefix', async () => {
    act(() => appStore.getState().setSettings(settingsWith()));
    const bridge = hostLike();
    renderWith(<DestinationBar />, bridge);
    const select = await screen.findByRole('combobox', { name: 'Profile' });
    await waitFor(() => expect((select as HTMLSelectElement).disabled).toBe(false));
    await userEvent.selectOptions(select, 'prod');
    expect(bridge.callsOn('settings:set')).toEqual([[{ uploadProfile: 'prod' }]]);
    await waitFor(() => expect(screen.getByTestId('destination').textContent).toBe('photos/team/'));
    expect((screen.getByRole('textbox', { name: 'Key prefix' }) as HTMLInputElement).value).toBe('team/');
    await userEvent.selectOptions(select, 'local');
    expect(bridge.callsOn('settings:set').at(-1)).toEqual([{ uploadProfile: null }]);
  });

  it('saves the prefix when the field is left or Enter is pressed, and puts the profile’s back on request', async () => {
    act(() => appStore.getState().setSettings(settingsWith({ uploadProfile: 'prod' })));
    const bridge = hostLike();
    renderWith(<DestinationBar />, bridge);
    const prefix = await screen.findByRole('textbox', { name: 'Key prefix' });
    await waitFor(() => expect((prefix as HTMLInputElement).value).toBe('team/'));
    await userEvent.clear(prefix);
    await userEvent.type(prefix, '2026/trip');
    expect(bridge.callsOn('settings:set')).toEqual([]);
    expect(screen.getByTestId('destination').textContent).toBe('photos/2026/trip/');
    await userEvent.tab();
    expect(bridge.callsOn('settings:set')).toEqual([[{ uploadPrefix: '2026/trip' }]]);
    await userEvent.type(prefix, '/day-1{Enter}');
    expect(bridge.callsOn('settings:set').at(-1)).toEqual([{ uploadPrefix: '2026/trip/day-1' }]);
    await userEvent.click(await screen.findByRole('button', { name: "Use the profile's prefix" }));
    expect(bridge.callsOn('settings:set').at(-1)).toEqual([{ uploadPrefix: null }]);
    await waitFor(() => expect((prefix as HTMLInputElement).value).toBe('team/'));
  });

  it('puts the saved prefix back on Escape, without saving', async () => {
    act(() => appStore.getState().setSettings(settingsWith({ uploadPrefix: 'kept' })));
    const bridge = hostLike();
    renderWith(<DestinationBar />, bridge);
    const prefix = await screen.findByRole('textbox', { name: 'Key prefix' });
    await userEvent.type(prefix, '-more{Escape}');
    expect((prefix as HTMLInputElement).value).toBe('kept');
    await userEvent.tab();
    expect(bridge.callsOn('settings:set')).toEqual([]);
  });

  it('warns when the remembered profile is gone, and says a refused save in a notice', async () => {
    act(() => appStore.getState().setSettings(settingsWith({ uploadProfile: 'gone' })));
    const bridge = fakeBridge({
      'profiles:list': () => ok(PROFILES),
      'settings:set': () => refused({ code: 'invalid-argument', message: 'uploadPrefix is too long.', hint: 'Shorten it.' }),
    });
    renderWith(<DestinationBar />, bridge);
    expect((await screen.findByText('The profile gone no longer exists. Choose another one, or drops will be refused.')).textContent).toBeTruthy();
    const select = screen.getByRole('combobox', { name: 'Profile' }) as HTMLSelectElement;
    expect(select.value).toBe('gone');
    await userEvent.selectOptions(select, 'prod');
    await waitFor(() => expect(appStore.getState().notices.map((notice) => notice.code)).toEqual(['invalid-argument']));
  });
});
