/**
 * The page: the drop zone around everything, the connection banner, totals, the queue and notices.
 */
import { DropZone } from '../features/drop-zone/DropZone.js';
import { useFinishAlerts } from '../features/finish-alerts/use-finish-alerts.js';
import { Notices } from '../features/notices/Notices.js';
import { QueueList } from '../features/queue-list/QueueList.js';
import { Totals } from '../features/totals/Totals.js';
import { useBridge } from './bridge-context.js';
import { ConnectionBanner } from './ConnectionBanner.js';

/** The app. */
export function App() {
  useFinishAlerts(useBridge().face);
  return (
    <DropZone
      header={
        <header className="app-header">
          <h1>Dropsign</h1>
          <Totals />
        </header>
      }
    >
      <ConnectionBanner />
      <main>
        <QueueList />
      </main>
      <Notices />
    </DropZone>
  );
}
