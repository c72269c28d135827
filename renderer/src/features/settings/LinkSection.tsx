/**
 * Link settings: how long new links are valid by default (presets or a custom validity, at most seven
 * days), and whether the share link goes to the clipboard when uploads finish.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSettings } from '../../../../electron/shared/ipc/settings.js';
import { ExpiryPicker } from './ExpiryPicker.js';
import { SettingField } from './SettingField.js';
import type { SettingsSaver } from './use-save-settings.js';

/** The section. */
export function LinkSection({ settings, saver }: { readonly settings: AppSettings; readonly saver: SettingsSaver }) {
  const { t } = useTranslation('settings');
  const [expiryProblem, setExpiryProblem] = useState<string | undefined>(undefined);
  return (
    <section className="settings-section" aria-labelledby="settings-links">
      <h2 id="settings-links">{t('links.title')}</h2>
      <SettingField
        id="setting-defaultLinkExpirySeconds"
        label={t('links.defaultExpiry.label')}
        help={t('links.defaultExpiry.help')}
        problem={expiryProblem}
        hostError={saver.errors.defaultLinkExpirySeconds}
      >
        {(control) => (
          <ExpiryPicker
            id={control.id}
            seconds={settings.defaultLinkExpirySeconds}
            describedBy={control['aria-describedby']}
            invalid={control['aria-invalid']}
            onCommit={(seconds) => {
              setExpiryProblem(seconds === undefined ? t('validation.expiry') : undefined);
              if (seconds !== undefined && seconds !== settings.defaultLinkExpirySeconds) void saver.save('defaultLinkExpirySeconds', seconds);
            }}
          />
        )}
      </SettingField>
      <SettingField id="setting-copyLinkOnFinish" label={t('links.copyLinkOnFinish.label')} help={t('links.copyLinkOnFinish.help')} hostError={saver.errors.copyLinkOnFinish} inline>
        {(control) => (
          <input {...control} type="checkbox" checked={saver.shown(settings, 'copyLinkOnFinish')} onChange={(event) => void saver.save('copyLinkOnFinish', event.target.checked)} data-testid={`input-${control.id}`} />
        )}
      </SettingField>
    </section>
  );
}
