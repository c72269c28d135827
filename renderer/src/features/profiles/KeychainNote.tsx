/**
 * Says so when the OS keychain cannot hold secrets now (no Secret Service, or locked), with the host's
 * explanation and fix (`app:info` keychain). Nothing when it is available or not yet known.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/index.js';
import './profiles.css';

/** The note. */
export function KeychainNote() {
  const { t } = useTranslation('profiles');
  const keychain = useAppStore((state) => state.info?.keychain);
  if (keychain === undefined || keychain.kind === 'available') return null;
  return (
    <div className="callout callout-warning keychain-note" role="note" data-testid="keychain-note" data-kind={keychain.kind}>
      <p className="callout-title">{t(keychain.kind === 'locked' ? 'keychain.locked' : 'keychain.noService')}</p>
      <p>{keychain.explanation}</p>
      <p>
        <strong>{t('keychain.fix')}</strong> {keychain.fix}
      </p>
      <p className="muted">{t('keychain.encryptedFileAlternative')}</p>
    </div>
  );
}
