/**
 * The IssuedLinksPage screen (being built).
 */
import { useTranslation } from 'react-i18next';

/** The screen. */
export function IssuedLinksPage() {
  const { t } = useTranslation('links');
  return (
    <section className="page">
      <h1>{t('title')}</h1>
    </section>
  );
}
