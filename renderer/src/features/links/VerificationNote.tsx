/**
 * Whether an inspected link's signature holds: valid with a profile, invalid (that profile's secret does
 * not produce it), no profile with its access key, or not checked and why.
 */
import { useTranslation } from 'react-i18next';
import type { LinkVerification } from '../../../../electron/shared/ipc/link-types.js';

/** The verdict on one link. */
export function VerificationNote({ verification }: { readonly verification: LinkVerification }) {
  const { t } = useTranslation('links');
  const text = (): { readonly tone: 'success' | 'danger' | 'muted'; readonly title: string; readonly detail?: string } => {
    switch (verification.kind) {
      case 'valid':
        return { tone: 'success', title: t('inspect.valid', { method: verification.method, profile: verification.profile }) };
      case 'invalid':
        return { tone: 'danger', title: t('inspect.invalid', { profile: verification.profile }), detail: verification.message };
      case 'no-profile':
        return { tone: 'muted', title: t('inspect.noProfile', { accessKeyId: verification.accessKeyId }) };
      case 'unchecked':
        return { tone: 'muted', title: t('inspect.unchecked'), detail: verification.message };
    }
  };
  const { tone, title, detail } = text();
  return (
    <div className={`links-verdict is-${tone}`} data-testid="verification" data-kind={verification.kind}>
      <p>{title}</p>
      {detail !== undefined && <p className="help-text">{detail}</p>}
    </div>
  );
}
