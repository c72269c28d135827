/**
 * Why a presigned link cannot be revoked, and what can be done instead: short expiries, rotating or
 * disabling the signing key, STS credentials, deleting or renaming the object, a bucket policy.
 */
import { useTranslation } from 'react-i18next';

const WAYS = ['shortExpiry', 'rotateKey', 'sts', 'deleteObject', 'bucketPolicy'] as const;

/** The explanation panel. */
export function RevocationHelp() {
  const { t } = useTranslation('links');
  return (
    <aside className="links-panel" aria-labelledby="revocation-title" data-testid="revocation-help">
      <h2 id="revocation-title">{t('revocation.title')}</h2>
      <p>{t('revocation.intro')}</p>
      <ul>
        {WAYS.map((way) => (
          <li key={way}>{t(`revocation.${way}`)}</li>
        ))}
      </ul>
    </aside>
  );
}
