/**
 * What an unknown address shows (a stale bookmark, a tray from a newer version).
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ROUTES } from './routes.js';

/** The not-found screen. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <p>{t('notFound')}</p>
      <Link href={ROUTES.upload}>{t('goHome')}</Link>
    </section>
  );
}
