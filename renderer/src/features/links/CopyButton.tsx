/**
 * Copies a text to the clipboard and says whether it worked: `Copy` becomes `Copied` for a moment (and
 * screen readers hear it), or a note says to copy by hand. `label` names what is copied for screen
 * readers ("Copy the link"), since many Copy buttons share a screen.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Why 2 s: long enough to read "Copied", short enough to copy again. */
const FEEDBACK_MS = 2000;

/** What the button copies and how it is named. */
export interface CopyButtonProps {
  readonly text: string;
  readonly label: string;
  readonly testId?: string;
}

/** The button. */
export function CopyButton({ text, label, testId }: CopyButtonProps) {
  const { t } = useTranslation('links');
  const [feedback, setFeedback] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
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
  return (
    <span className="links-copy">
      <button type="button" className="links-button" onClick={copy} aria-label={label} data-testid={testId}>
        {feedback === 'copied' ? t('copy.copied') : t('copy.copy')}
      </button>
      <span role="status" className={feedback === 'failed' ? 'links-problem' : 'links-visually-hidden'}>
        {feedback === 'copied' ? t('copy.copied') : feedback === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
