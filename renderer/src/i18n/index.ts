/**
 * Translation (i18next + react-i18next): English and Simplified Chinese, chosen by the `language`
 * setting. Catalogs are bundled (resources.ts), so the first render is already in the right language.
 *
 * Components use `useTranslation('namespace')`; plurals follow i18next's `_one` / `_other` keys and
 * numbers, sizes and dates go through `Intl` (app/format.ts) in the current language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../electron/shared/ipc/settings.js';
import { resources } from './resources.js';

/** The app's i18next instance. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  defaultNS: 'common',
  // React already escapes what it renders; escaping here would show `&amp;` in file names.
  interpolation: { escapeValue: false },
  // Catalogs are bundled: initialise synchronously so nothing renders before they are in.
  initAsync: false,
  returnNull: false,
});

/** Switches the interface (and `<html lang>`) to `language`. */
export async function setLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** The current language (for `Intl` formatting). */
export function currentLanguage(): Language {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}
