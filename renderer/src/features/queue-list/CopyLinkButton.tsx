/**
 * Copies a finished upload's share link to the clipboard (the browser's clipboard API; the desktop window
 * has it too), and says whether it worked, on the button and to screen readers.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Why 2 s: long enough to read "Copied", short enough to copy again. */
const FEEDBACK_MS = 2000;

/** The button for the link `url` of file `name`; `tabbable` false keeps it out of the Tab order. */
export function CopyLinkButton({ url, name, tabbable }: { readonly url: string; readonly name: string; readonly tabbable: boolean }) {
  const { t } = useTranslation('upload');
  const [feedback, setFeedback] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (feedback === 'idle') return undefined;
    const timer = window.setTimeout(() => setFeedback('idle'), FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [feedback]);
  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => setFeedback('copied'),
      () => setFeedback('failed'),
    );
  };
  const text = feedback === 'copied' ? t('row.actions.copied') : feedback === 'failed' ? t('row.actions.copyFailed') : t('row.actions.copyLink');
  return (
    <>
      <button
        type="button"
        className="upload-button upload-button-small"
        onClick={copy}
        data-testid="copy-link"
        aria-label={t('row.actionLabels.copyLink', { name })}
        tabIndex={tabbable ? 0 : -1}
      >
        {text}
      </button>
      <span className="visually-hidden" role="status">
        {feedback === 'idle' ? '' : text}
      </span>
    </>
  );
}
