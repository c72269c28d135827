/**
 * The HistoryPage screen (being built).
 */
import { useTranslation } from 'react-i18next';

/** The screen. */
export function HistoryPage() {
  const { t } = useTranslation('history');
  return (
    <section className="page">
      <h1>{t('title')}</h1>
    </section>
  );
}
