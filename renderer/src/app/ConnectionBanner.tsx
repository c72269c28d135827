/**
 * Says so when the page cannot reach its host (browser mode: `dropsign web` stopped, restarted, or the
 * page was opened without its token). Nothing shows while all is well.
 */
import { useAppStore } from '../store/index.js';

/** The banner. */
export function ConnectionBanner() {
  const connection = useAppStore((state) => state.connection);
  let text: string | undefined;
  if (connection.kind === 'no-token') {
    text = 'This page was opened without its access token. Open the address `dropsign web` printed in the terminal.';
  } else if (connection.kind === 'reconnecting') {
    text =
      connection.attempt < 3
        ? 'Reconnecting to Dropsign…'
        : 'Dropsign cannot be reached. Is `dropsign web` still running? If it was restarted, open the new address it printed.';
  }
  if (text === undefined) return null;
  return (
    <p className="connection-banner" role="alert" data-testid="connection">
      {text}
    </p>
  );
}
