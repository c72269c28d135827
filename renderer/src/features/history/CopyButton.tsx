/**
 * Copies a text (a share link) to the clipboard and says whether it worked, on the button for a moment
 * and in a live region for screen readers.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './history.css';

/** Why 2 s: long enough to read "Copied", short enough to copy again. */
const FEEDBACK_MS = 2000;

/** The button; `label` names what is copied for assistive technology. */
export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const { t } = useTranslation('history');
  const [feedback, setFeedback] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (feedback === 'idle') return undefined;
    const timer = window.setTimeout(() => setFeedback('idle'), FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [feedback]);
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setFeedback('copied'),
      () => setFeedback('failed'),
    );
  };
  const said = feedback === 'copied' ? t('link.copied') : feedback === 'failed' ? t('link.copyFailed') : '';
  return (
    <>
      <button type="button" className="copy-button" onClick={copy} aria-label={label} data-testid="copy-link" data-feedback={feedback}>
        {said === '' ? t('link.copy') : said}
      </button>
      <span className="visually-hidden" role="status">
        {said}
      </span>
    </>
  );
}
