/**
 * When a link stops working: a live countdown (`Expires in 59 min 12 s`, then `Expired`) and the
 * absolute time. It is a `role="timer"` region, which screen readers do not announce on every tick.
 */
import { useTranslation } from 'react-i18next';
import { useDurationText } from './duration-parts.js';
import { formatDateTime } from './format-time.js';
import { useNow } from './use-now.js';

/** The countdown to `expiresAt` (ISO 8601). */
export function ExpiryCountdown({ expiresAt }: { readonly expiresAt: string }) {
  const { t } = useTranslation('links');
  const duration = useDurationText();
  const now = useNow();
  const leftSeconds = (Date.parse(expiresAt) - now) / 1000;
  const expired = !(leftSeconds >= 1);
  return (
    <p className={`links-countdown ${expired ? 'is-expired' : ''}`} data-testid="countdown" data-state={expired ? 'expired' : 'active'}>
      <span role="timer" aria-live="off" aria-atomic="true">
        {expired ? t('countdown.expired') : t('countdown.expiresIn', { duration: duration(leftSeconds) })}
      </span>{' '}
      <time className="muted" dateTime={expiresAt}>
        {t('countdown.at', { time: formatDateTime(expiresAt) })}
      </time>
    </p>
  );
}
