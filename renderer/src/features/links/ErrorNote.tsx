/**
 * A typed error from the host, in its own words: what happened (`message`) and what to do (`hint`),
 * under a short title saying what did not happen. An alert, so screen readers hear it at once.
 */
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { visibleText } from '../../../../electron/shared/visible-text.js';

/** What failed (`title`) and the host's error. */
export function ErrorNote({ title, error, testId }: { readonly title: string; readonly error: ErrorInfo; readonly testId?: string }) {
  return (
    <div className="callout callout-danger" role="alert" data-testid={testId} data-code={error.code}>
      <p className="callout-title">{title}</p>
      <p>{visibleText(error.message)}</p>
      {error.hint !== '' && <p className="help-text">{visibleText(error.hint)}</p>}
    </div>
  );
}
