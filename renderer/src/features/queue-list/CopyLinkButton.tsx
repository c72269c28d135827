/**
 * Copies a finished upload's share link to the clipboard (the browser's clipboard API; the desktop
 * window has it too), and says whether it worked.
 */
import { useEffect, useState } from 'react';

/** Why 2 s: long enough to read "Copied", short enough to copy again. */
const FEEDBACK_MS = 2000;

/** The button. */
export function CopyLinkButton({ url }: { readonly url: string }) {
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
  return (
    <button type="button" className="copy-link" onClick={copy} data-testid="copy-link">
      {feedback === 'copied' ? 'Copied' : feedback === 'failed' ? 'Copy failed' : 'Copy link'}
    </button>
  );
}
