/**
 * Which part of the queue the list shows: All, Active, Done, Failed, each with its count. A radio group
 * (native radios: arrow keys move between them), styled as a segmented control.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.js';
import { currentLanguage } from '../../i18n/index.js';
import { useAppStore } from '../../store/index.js';
import { QUEUE_FILTERS } from '../../store/queue-filter.js';
import { selectQueueCounts } from '../../store/selectors.js';
import './totals.css';

/** The filters; `controls` is the id of the list they filter. */
export function QueueFilters({ controls }: { readonly controls: string }) {
  const { t } = useTranslation('upload');
  const counts = useAppStore(selectQueueCounts);
  const filter = useAppStore((state) => state.queueFilter);
  const setFilter = useAppStore((state) => state.setQueueFilter);
  const language = currentLanguage();
  return (
    <fieldset className="queue-filters" aria-controls={controls}>
      <legend className="visually-hidden">{t('filters.legend')}</legend>
      {QUEUE_FILTERS.map((name) => (
        <label key={name} className={filter === name ? 'queue-filter is-selected' : 'queue-filter'} data-testid={`filter-${name}`}>
          <input type="radio" name="queue-filter" value={name} checked={filter === name} onChange={() => setFilter(name)} />
          <span>{t(`filters.${name}`)}</span>
          <span className="queue-filter-count">{formatNumber(counts[name], language)}</span>
        </label>
      ))}
    </fieldset>
  );
}
