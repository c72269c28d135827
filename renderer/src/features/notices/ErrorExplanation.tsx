/**
 * An error in plain words (explain-error.ts): what went wrong, what to do, and the details in smaller
 * type (the host's own sentence, the request id). Used under a failed queue row and in notices.
 */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.js';
import { explainError, type ExplainableError } from './explain-error.js';
import './notices.css';

/** The explanation of `error`; `fileName` sharpens it for a file's errors. `compact` shows the title only (a retry is on its way). */
export function ErrorExplanation({ error, fileName, compact = false }: { readonly error: ExplainableError; readonly fileName?: string; readonly compact?: boolean }) {
  const { t } = useTranslation('errors');
  const explained = explainError(error, t, currentLanguage(), fileName === undefined ? {} : { fileName });
  if (compact) {
    return (
      <p className="error-explanation error-compact" data-code={error.code}>
        {explained.title}
      </p>
    );
  }
  return (
    <div className="error-explanation" data-code={error.code}>
      <p className="error-title">{explained.title}</p>
      <p className="error-fix">{explained.fix}</p>
      {explained.details.length > 0 && (
        <p className="error-details">
          <span className="visually-hidden">{t('detail.label')}: </span>
          {explained.details.join(' · ')}
        </p>
      )}
    </div>
  );
}
