/**
 * Appearance: the theme (as the system, light, dark) and the language. Each language is named in itself
 * (English, 简体中文), so it can be found whatever the interface shows now. Both apply at once: the host's
 * answer goes to the store, which the app's appearance follows.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, THEMES, type AppSettings, type Language } from '../../../../electron/shared/ipc/settings.js';
import { SettingField } from './SettingField.js';
import type { SettingsSaver } from './use-save-settings.js';

/** Each language in its own words (never translated). */
const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' };

/** The section. */
export function AppearanceSection({ settings, saver }: { readonly settings: AppSettings; readonly saver: SettingsSaver }) {
  const { t } = useTranslation('settings');
  return (
    <section className="settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">{t('appearance.title')}</h2>
      <fieldset className="form-field theme-choice" aria-describedby={saver.errors.theme === undefined ? undefined : 'setting-theme-problem'}>
        <legend>{t('appearance.theme')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="theme-option">
            <input type="radio" name="theme" value={theme} checked={saver.shown(settings, 'theme') === theme} onChange={() => void saver.save('theme', theme)} data-testid={`theme-${theme}`} />
            {t(`appearance.themes.${theme}`)}
          </label>
        ))}
        {saver.errors.theme !== undefined && (
          <p className="form-problem" id="setting-theme-problem" role="alert">
            {saver.errors.theme.message} {saver.errors.theme.hint}
          </p>
        )}
      </fieldset>
      <SettingField id="setting-language" label={t('appearance.language')} hostError={saver.errors.language}>
        {(control) => (
          <select {...control} value={saver.shown(settings, 'language')} onChange={(event) => void saver.save('language', event.target.value as Language)} data-testid="input-setting-language">
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
        )}
      </SettingField>
    </section>
  );
}
