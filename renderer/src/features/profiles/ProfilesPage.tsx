/**
 * The ProfilesPage screen (being built).
 */
import { useTranslation } from 'react-i18next';

/** The screen. */
export function ProfilesPage() {
  const { t } = useTranslation('profiles');
  return (
    <section className="page">
      <h1>{t('title')}</h1>
    </section>
  );
}
