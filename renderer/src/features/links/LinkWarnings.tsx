/**
 * What the user should know before handing a link out (an STS token that dies first, a Content-Type
 * not locked, ...): each warning's sentence and what to do about it.
 */
import { useTranslation } from 'react-i18next';
import type { LinkWarning } from '../../../../electron/shared/ipc/link-types.js';

/** The warnings; nothing when there are none. */
export function LinkWarnings({ warnings }: { readonly warnings: readonly LinkWarning[] }) {
  const { t } = useTranslation('links');
  if (warnings.length === 0) return null;
  return (
    <section className="links-warnings" aria-labelledby="link-warnings-title" data-testid="link-warnings">
      <h2 id="link-warnings-title">{t('result.warnings')}</h2>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.code} data-code={warning.code}>
            <p>{warning.message}</p>
            {warning.hint !== undefined && <p className="help-text">{warning.hint}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
