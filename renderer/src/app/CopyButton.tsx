/**
 * The one Copy button of the app: copies a text (a share link, a header, a snippet) to the clipboard and
 * says whether it worked. The button reads "Copied" for a moment (and screen readers hear it); when the
 * clipboard refuses, a note says to copy by hand and stays until the next try.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './copy-button.css';

/** Why 2 s: long enough to read "Copied", short enough to copy again. */
const FEEDBACK_MS = 2000;

/** What the button copies, how it is named, and how its feature dresses it. */
export interface CopyButtonProps {
  /** The text put on the clipboard. */
  readonly text: string;
  /** The accessible name, saying what is copied ("Copy the link of cat.png"), since many Copy buttons share a screen. */
  readonly label: string;
  /** The visible word while idle; "Copy" when not given. */
  readonly caption?: string;
  /** The button's `data-testid`, for tests that find it. */
  readonly testId?: string;
  /** The feature's button class, so the button looks like its neighbours. */
  readonly className?: string;
  /** False keeps the button out of the Tab order (a list that moves the focus between rows itself). */
  readonly tabbable?: boolean;
}

/** What the last click did. */
type Feedback = 'idle' | 'copied' | 'failed';

/** The button, followed by its live region. */
export function CopyButton({ text, label, caption, testId, className, tabbable = true }: CopyButtonProps) {
  const { t } = useTranslation('common');
  const [feedback, setFeedback] = useState<Feedback>('idle');
  useEffect(() => {
    // A failure stays: its note asks the user to copy by hand, which takes longer than a moment to read.
    if (feedback !== 'copied') return undefined;
    const timer = window.setTimeout(() => setFeedback('idle'), FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [feedback]);
  const copy = () => {
    // The clipboard API is missing outside secure contexts; treat that like a refusal.
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (clipboard === undefined) {
      setFeedback('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setFeedback('copied'),
      () => setFeedback('failed'),
    );
  };
  const said = feedback === 'copied' ? t('actions.copied') : feedback === 'failed' ? t('copyFailed') : '';
  return (
    <span className="copy-button">
      <button
        type="button"
        className={className}
        onClick={copy}
        aria-label={label}
        data-testid={testId}
        data-feedback={feedback}
        tabIndex={tabbable ? 0 : -1}
      >
        {feedback === 'copied' ? t('actions.copied') : (caption ?? t('actions.copy'))}
      </button>
      <span role="status" className={feedback === 'failed' ? 'copy-button-problem' : 'copy-button-quiet'}>
        {said}
      </span>
    </span>
  );
}
