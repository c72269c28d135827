/**
 * The queue at a glance: files done, bytes sent, speed and time left.
 */
import { useShallow } from 'zustand/react/shallow';
import { formatBytes, formatDuration } from '../../app/format.js';
import { useAppStore } from '../../store/index.js';
import { selectTotals } from '../../store/selectors.js';

/** The totals line. */
export function Totals() {
  const totals = useAppStore(useShallow(selectTotals));
  if (totals.files === 0) return null;
  const parts = [
    `${totals.filesDone} of ${totals.files} files done`,
    `${formatBytes(totals.bytesSent)} of ${formatBytes(totals.bytesTotal)}`,
  ];
  if (totals.bytesPerSecond > 0) parts.push(`${formatBytes(totals.bytesPerSecond)}/s`);
  if (totals.etaSeconds !== undefined) parts.push(`${formatDuration(totals.etaSeconds)} left`);
  if (totals.filesFailed > 0) parts.push(`${totals.filesFailed} failed`);
  return (
    <p className="totals" data-testid="totals">
      {parts.join(' · ')}
    </p>
  );
}
