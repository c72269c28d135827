/**
 * Applies the appearance settings to the page: the theme (`system` follows the OS through
 * `prefers-color-scheme`; `light` and `dark` set `<html data-theme>`, which app.css reads) and the
 * interface language.
 */
import { useEffect } from 'react';
import { setLanguage } from '../i18n/index.js';
import { useAppStore } from '../store/index.js';

/** Keeps `<html>` in step with the settings. */
export function useAppearance(): void {
  const theme = useAppStore((state) => state.settings?.theme ?? 'system');
  const language = useAppStore((state) => state.settings?.language ?? 'en');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }, [theme]);
  useEffect(() => {
    void setLanguage(language);
  }, [language]);
}
