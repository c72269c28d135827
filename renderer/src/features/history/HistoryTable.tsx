/**
 * The finished uploads as a table: file name, key, bucket (and where it is), size, when it finished, and
 * the share link with copy and open (and until when it works). Sizes and dates in the current language.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryEntryView } from '../../../../electron/shared/ipc/transfer-requests.js';
import { visibleLine } from '../../../../electron/shared/visible-text.js';
import { formatBytes, formatDateTime } from '../../app/format.js';
import { CopyButton } from '../../app/CopyButton.js';
import { fileNameOf, hostOf, linkStateOf } from './history-entry.js';
import './history.css';

function LinkCell({ entry, name, nowMs }: { readonly entry: HistoryEntryView; readonly name: string; readonly nowMs: number }) {
  const { t } = useTranslation('history');
  const link = linkStateOf(entry, nowMs);
  if (link.kind === 'none') return <span className="muted">{t('link.none')}</span>;
  return (
    <span className="history-link">
      <CopyButton text={link.url} label={t('link.copyOf', { name })} caption={t('link.copy')} testId="copy-link" className="button" />
      <a href={link.url} target="_blank" rel="noreferrer" aria-label={t('link.openOf', { name })} data-testid="open-link">
        {t('link.open')}
      </a>
      <span className={`cell-note${link.kind === 'presigned' && link.expired ? ' is-expired' : ''}`}>
        {link.kind === 'public'
          ? t('link.public')
          : t(link.expired ? 'link.expired' : 'link.expires', { time: formatDateTime(link.expiresAt) })}
      </span>
    </span>
  );
}

/** The table of `entries`. */
export function HistoryTable({ entries, nowMs }: { readonly entries: readonly HistoryEntryView[]; readonly nowMs: number }) {
  const { t } = useTranslation('history');
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columns.file')}</th>
          <th scope="col">{t('columns.key')}</th>
          <th scope="col">{t('columns.destination')}</th>
          <th scope="col" className="cell-numeric">
            {t('columns.size')}
          </th>
          <th scope="col">{t('columns.finishedAt')}</th>
          <th scope="col">{t('columns.link')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const name = fileNameOf(entry.path);
          return (
            <tr key={entry.id} data-testid="history-entry" data-name={name}>
              <th scope="row" className="history-file" title={visibleLine(entry.path)}>
                {visibleLine(name)}
              </th>
              <td>
                <code>{visibleLine(entry.result.key)}</code>
              </td>
              <td>
                {entry.bucket}
                <span className="cell-note">{hostOf(entry.endpoint)}</span>
              </td>
              <td className="cell-numeric">{formatBytes(entry.result.size)}</td>
              <td>
                <time dateTime={entry.result.finishedAt}>{formatDateTime(entry.result.finishedAt)}</time>
              </td>
              <td>
                <LinkCell entry={entry} name={name} nowMs={nowMs} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
