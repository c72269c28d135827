/**
 * What a working profile should still tell the user (a custom domain in mainland China, an STS token
 * that expired or whose expiry is unknown, a clock that is off): a title by kind, the host's sentence and
 * its hint.
 */
import { useTranslation } from 'react-i18next';
import type { ProfileWarningView } from '../../../../electron/shared/ipc/profile-types.js';
import './probe-report.css';

const TITLE_KEY = {
  'mainland-custom-domain': 'warnings.mainlandCustomDomain',
  'token-expired': 'warnings.tokenExpired',
  'token-expiry-unknown': 'warnings.tokenExpiryUnknown',
  'clock-offset': 'warnings.clockOffset',
} as const satisfies Record<ProfileWarningView['code'], string>;

/** The warnings; nothing when there are none. */
export function ProfileWarnings({ warnings }: { readonly warnings: readonly ProfileWarningView[] }) {
  const { t } = useTranslation('profiles');
  if (warnings.length === 0) return null;
  return (
    <div className="profile-warnings" data-testid="profile-warnings">
      <p className="profile-warnings-title">{t('warnings.title')}</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.code} data-code={warning.code}>
            <strong>{t(TITLE_KEY[warning.code])}.</strong> {warning.message} <span className="muted">{warning.hint}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
