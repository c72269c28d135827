/**
 * A typed error from the host as a sentence and what to do about it (ErrorInfo's message and hint; never
 * a secret, by the contract). Announced to screen readers when it appears.
 */
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { visibleText } from '../../../../electron/shared/visible-text.js';
import './profiles.css';

/** The note; `title` leads it when given (what was being done). */
export function HostErrorNote({ error, title, testId }: { readonly error: ErrorInfo; readonly title?: string; readonly testId?: string }) {
  return (
    <div className="callout callout-danger host-error" role="alert" data-testid={testId ?? 'host-error'} data-code={error.code}>
      {title !== undefined && <p className="callout-title">{title}</p>}
      <p>{visibleText(error.message)}</p>
      {error.hint !== '' && <p className="muted">{visibleText(error.hint)}</p>}
    </div>
  );
}
