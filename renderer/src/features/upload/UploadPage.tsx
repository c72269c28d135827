/**
 * The upload screen: the totals and the queue (the drop zone around the whole window feeds it).
 */
import { QueueList } from '../queue-list/QueueList.js';
import { Totals } from '../totals/Totals.js';

/** The screen. */
export function UploadPage() {
  return (
    <section className="page">
      <Totals />
      <QueueList />
    </section>
  );
}
