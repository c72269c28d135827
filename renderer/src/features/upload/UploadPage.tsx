/**
 * The upload screen: where drops go (destination bar), the drop bar with the pickers, files on their way
 * in (staging), then the queue: totals and queue-wide actions, filters, and the virtual list; or, while
 * the queue is empty, what to do. The whole window stays the drop target (DropZone, around every screen).
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/index.js';
import { selectQueueCounts } from '../../store/selectors.js';
import { DropBar } from '../drop-zone/DropBar.js';
import { QUEUE_LIST_ID, QueueList } from '../queue-list/QueueList.js';
import { ProgressAnnouncer } from '../totals/ProgressAnnouncer.js';
import { QueueFilters } from '../totals/QueueFilters.js';
import { TotalsBar } from '../totals/TotalsBar.js';
import { DestinationBar } from './DestinationBar.js';
import { EmptyState } from './EmptyState.js';
import { StagingStatus } from './StagingStatus.js';
import './upload-page.css';

/** The screen. */
export function UploadPage() {
  const { t } = useTranslation('upload');
  const counts = useAppStore(selectQueueCounts);
  const filter = useAppStore((state) => state.queueFilter);
  return (
    <section className="page upload-page" aria-labelledby="upload-title">
      <h1 id="upload-title">{t('title')}</h1>
      <DestinationBar />
      <DropBar />
      <StagingStatus />
      {counts.all === 0 ? (
        <EmptyState />
      ) : (
        <>
          <TotalsBar />
          <QueueFilters controls={QUEUE_LIST_ID} />
          {counts[filter] === 0 ? (
            <p className="upload-filtered-empty">{t('empty.filtered')}</p>
          ) : (
            // A new list per filter: it starts at the top, with the first row current.
            <QueueList key={filter} />
          )}
        </>
      )}
      <ProgressAnnouncer />
    </section>
  );
}
