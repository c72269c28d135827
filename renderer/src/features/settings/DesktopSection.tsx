/**
 * Notifications and the global shortcut. The shortcut is an Electron accelerator only the desktop app
 * can register: in browser mode it is shown disabled, with why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTINGS_LIMITS, type AppSettings } from '../../../../electron/shared/ipc/settings.js';
import { useBridge } from '../../app/bridge-context.js';
import { CommitInput } from './CommitInput.js';
import { SettingField } from './SettingField.js';
import type { SettingsSaver } from './use-save-settings.js';

/** The example accelerator shown in the help and the placeholder. */
const EXAMPLE_SHORTCUT = 'CommandOrControl+Shift+U';

/** Accelerators as the contract takes them: printable ASCII without spaces. */
const SHORTCUT_PATTERN = /^[\x21-\x7e]+$/;

/** The section. */
export function DesktopSection({ settings, saver }: { readonly settings: AppSettings; readonly saver: SettingsSaver }) {
  const { t } = useTranslation('settings');
  const { face } = useBridge();
  const [shortcutProblem, setShortcutProblem] = useState<string | undefined>(undefined);
  const max = SETTINGS_LIMITS.globalShortcutLength.max;

  const commitShortcut = (text: string) => {
    const value = text.trim();
    if (value !== '' && (value.length > max || !SHORTCUT_PATTERN.test(value))) {
      setShortcutProblem(t('validation.shortcut', { max, example: EXAMPLE_SHORTCUT }));
      return;
    }
    setShortcutProblem(undefined);
    void saver.save('globalShortcut', value === '' ? null : value);
  };

  const browser = face === 'browser';
  return (
    <section className="settings-section" aria-labelledby="settings-desktop">
      <h2 id="settings-desktop">{t('desktop.title')}</h2>
      <SettingField id="setting-notifications" label={t('desktop.notifications.label')} help={t('desktop.notifications.help')} hostError={saver.errors.notifications} inline>
        {(control) => (
          <input {...control} type="checkbox" checked={saver.shown(settings, 'notifications')} onChange={(event) => void saver.save('notifications', event.target.checked)} data-testid={`input-${control.id}`} />
        )}
      </SettingField>
      <SettingField
        id="setting-globalShortcut"
        label={t('desktop.shortcut.label')}
        help={browser ? `${t('desktop.shortcut.help', { example: EXAMPLE_SHORTCUT })} ${t('desktop.shortcut.browserOnly')}` : t('desktop.shortcut.help', { example: EXAMPLE_SHORTCUT })}
        problem={shortcutProblem}
        hostError={saver.errors.globalShortcut}
      >
        {(control) => (
          <CommitInput
            control={control}
            value={settings.globalShortcut ?? ''}
            onCommit={commitShortcut}
            onEdit={() => setShortcutProblem(undefined)}
            placeholder={EXAMPLE_SHORTCUT}
            maxLength={max}
            disabled={browser}
          />
        )}
      </SettingField>
    </section>
  );
}
