/**
 * The SettingsPage screen (being built).
 */
import { useTranslation } from 'react-i18next';

/** The screen. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <section className="page">
      <h1>{t('title')}</h1>
    </section>
  );
}
