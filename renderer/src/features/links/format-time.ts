/**
 * Points in time as the current language writes them (`Nov 21, 2026, 9:00:00 AM`, `2026年11月21日 09:00:00`).
 */
import { currentLanguage } from '../../i18n/index.js';

/** `iso` (ISO 8601) as a medium date and time in the current language and the local time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}
