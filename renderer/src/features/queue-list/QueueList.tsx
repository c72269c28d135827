/**
 * The queue, in order; or, while it is empty, where dropped files will go.
 */
import { useAppStore } from '../../store/index.js';
import { QueueRow } from './QueueRow.js';

/** The list. */
export function QueueList() {
  const order = useAppStore((state) => state.order);
  const profile = useAppStore((state) => state.info?.defaultProfile);
  if (order.length === 0) {
    return (
      <p className="queue-empty">
        Nothing uploading yet. Files go to the <strong>{profile ?? 'default'}</strong> profile.
      </p>
    );
  }
  return (
    <ul className="queue" data-testid="queue">
      {order.map((id) => (
        <QueueRow key={id} id={id} />
      ))}
    </ul>
  );
}
