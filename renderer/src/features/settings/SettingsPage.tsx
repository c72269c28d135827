/**
 * The settings screen: transfers, links, notifications and the shortcut, appearance. Each change is
 * saved as it is made (`settings:set`), and "Saved" or the refusal is said in a live region; the host's
 * typed error shows next to the setting it refused.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/index.js';
import { AppearanceSection } from './AppearanceSection.js';
import { DesktopSection } from './DesktopSection.js';
import { LinkSection } from './LinkSection.js';
import { TransferSection } from './TransferSection.js';
import { useSaveSettings, type SaveStatus } from './use-save-settings.js';
import './settings.css';

const STATUS_KEY = { saving: 'saving', saved: 'saved', failed: 'saveFailed' } as const satisfies Record<Exclude<SaveStatus, 'idle'>, string>;

/** The screen. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const settings = useAppStore((state) => state.settings);
  const saver = useSaveSettings();
  return (
    <section className="page settings-page" data-testid="settings-page">
      <h1>{t('title')}</h1>
      <p className="help-text">{t('intro')}</p>
      <p className={`settings-status settings-status-${saver.status}`} role="status" data-testid="settings-status">
        {saver.status === 'idle' ? '' : t(STATUS_KEY[saver.status])}
      </p>
      {settings === undefined ? (
        <p className="help-text">{t('loading')}</p>
      ) : (
        <div className="settings-sections">
          <TransferSection settings={settings} saver={saver} />
          <LinkSection settings={settings} saver={saver} />
          <DesktopSection settings={settings} saver={saver} />
          <AppearanceSection settings={settings} saver={saver} />
        </div>
      )}
    </section>
  );
}
