import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { Notices } from '../../../../../renderer/src/features/notices/Notices.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { fakeBridge, renderWith, resetStore } from '../upload/upload-harness.js';

beforeEach(resetStore);

describe('Notices', () => {
  it('tells an error by its code in plain words, with what to do and the host sentence as a detail', () => {
    renderWith(<Notices />, fakeBridge());
    act(() => appStore.getState().pushNotice({ level: 'error', code: 'keychain-locked', message: 'The login keychain is locked.', hint: 'Unlock it.' }));
    const notice = screen.getByTestId('notice');
    expect(notice.textContent).toContain('The keychain is locked');
    expect(notice.textContent).toContain('Unlock your keychain');
    expect(notice.textContent).toContain('The login keychain is locked.');
  });

  it('shows a notice without a code as the host wrote it, and in the current language otherwise', async () => {
    renderWith(<Notices />, fakeBridge());
    act(() => appStore.getState().pushNotice({ level: 'info', message: 'The local bucket runs on port 47112 this time.', hint: 'Links made earlier point at the usual port.' }));
    expect(screen.getByTestId('notice').textContent).toContain('The local bucket runs on port 47112 this time.Links made earlier point at the usual port.');
    await act(() => i18n.changeLanguage('zh-CN'));
    act(() => appStore.getState().pushNotice({ level: 'error', code: 'no-such-bucket', message: 'The bucket "x" does not exist.' }));
    expect(screen.getAllByTestId('notice')[1]?.textContent).toContain('Bucket 不存在');
  });

  it('is dismissed by its button, which says what it does', async () => {
    renderWith(<Notices />, fakeBridge());
    act(() => appStore.getState().pushNotice({ level: 'warning', message: 'Something to read.' }));
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('notice')).toBeNull();
  });
});
