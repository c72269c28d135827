/**
 * A row's buttons: the controls its state allows (row-actions.ts), and for a finished upload its share
 * link (copy; open, which the desktop app hands to the system browser). Each button's accessible name
 * names the file, so a screen reader user hears which row it acts on.
 */
import { useTranslation } from 'react-i18next';
import type { TransferState } from '../../../../electron/shared/transfer.js';
import { CopyButton } from '../../app/CopyButton.js';
import { formatDateTime } from '../../app/format.js';
import { currentLanguage } from '../../i18n/index.js';
import { rowActions, type RowAction } from './row-actions.js';

/** The buttons of the row of file `name` in `state`; `run` performs a control. */
export function RowActions({ name, state, tabbable, run }: { readonly name: string; readonly state: TransferState; readonly tabbable: boolean; readonly run: (action: RowAction) => void }) {
  const { t } = useTranslation('upload');
  const link = state.kind === 'done' ? state.result.link : undefined;
  const tabIndex = tabbable ? 0 : -1;
  return (
    <div className="transfer-actions">
      {link !== undefined && (
        <>
          <CopyButton
            text={link.url}
            label={t('row.actionLabels.copyLink', { name })}
            caption={t('row.actions.copyLink')}
            testId="copy-link"
            className="button button-small"
            tabbable={tabbable}
          />
          <a
            className="button button-small"
            href={link.url}
            target="_blank"
            rel="noreferrer"
            data-testid="link"
            aria-label={t('row.actionLabels.openLink', { name })}
            title={link.kind === 'presigned' ? t('row.linkValidUntil', { date: formatDateTime(link.expiresAt, currentLanguage()) }) : undefined}
            tabIndex={tabIndex}
          >
            {t('row.actions.openLink')}
          </a>
        </>
      )}
      {rowActions(state).map((action) => (
        <button
          key={action}
          type="button"
          className={action === 'cancel' || action === 'remove' ? 'button button-small button-danger' : 'button button-small'}
          aria-label={t(`row.actionLabels.${action}`, { name })}
          data-testid={`action-${action}`}
          tabIndex={tabIndex}
          onClick={() => run(action)}
        >
          {t(`row.actions.${action}`)}
        </button>
      ))}
    </div>
  );
}
