/**
 * One issued link in the list: method, key, profile, when issued, when it expires, whether it still
 * works (at `now`), and copy, inspect, save drop page (an upload link still active) and forget; forgetting
 * asks first, in a row under this one, where a drop page that could not be saved says why too.
 */
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { IssuedLinkView } from '../../../../electron/shared/ipc/link-types.js';
import { visibleLine } from '../../../../electron/shared/visible-text.js';
import { CopyButton } from '../../app/CopyButton.js';
import { ErrorNote } from './ErrorNote.js';
import { ForgetConfirm } from './ForgetConfirm.js';
import { formatDateTime } from './format-time.js';
import { linkStatus } from './issued-link-filter.js';

/** Why 7: the table's columns, which the confirmation row spans. */
const COLUMNS = 7;

/** The row's link, the clock, and the forgetting in progress (when it is this row's). */
export interface IssuedLinkRowProps {
  readonly link: IssuedLinkView;
  readonly now: number;
  readonly confirming: boolean;
  readonly forgetting: boolean;
  readonly forgetError: ErrorInfo | undefined;
  /** This row's drop page is being saved. */
  readonly savingDropPage: boolean;
  /** Why this row's drop page was not saved. */
  readonly dropPageError: ErrorInfo | undefined;
  readonly onSaveDropPage: () => void;
  readonly onInspect: () => void;
  readonly onAskForget: () => void;
  readonly onForget: () => void;
  readonly onKeep: () => void;
}

/** See the module comment. */
export function IssuedLinkRow(props: IssuedLinkRowProps) {
  const { link, now, confirming } = props;
  const { t } = useTranslation('links');
  const status = linkStatus(link, now);
  return (
    <>
      <tr data-testid="issued-link" data-id={link.id} data-status={status} data-key={link.key}>
        <td>{link.method === 'PUT' ? t('issued.methodPut') : t('issued.methodGet')}</td>
        <td className="links-key-cell">
          <code>{visibleLine(link.key)}</code>
        </td>
        <td>{link.profile}</td>
        <td>
          <time dateTime={link.issuedAt}>{formatDateTime(link.issuedAt)}</time>
        </td>
        <td>
          <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt)}</time>
        </td>
        <td>
          <span className={status === 'active' ? 'badge badge-success' : 'badge'} data-testid="issued-status">
            {status === 'active' ? t('issued.active') : t('issued.expired')}
          </span>
        </td>
        <td className="links-row-actions">
          <CopyButton text={link.url} label={t('issued.copyLink', { key: link.key })} className="button" />
          <button type="button" className="button" aria-label={t('issued.inspectLabel', { key: link.key })} onClick={props.onInspect}>
            {t('issued.inspect')}
          </button>
          {link.method === 'PUT' && status === 'active' && (
            <button
              type="button"
              className="button"
              aria-label={t('dropPage.saveLabel', { key: link.key })}
              onClick={props.onSaveDropPage}
              disabled={props.savingDropPage}
              data-testid="save-drop-page"
            >
              {props.savingDropPage ? t('dropPage.saving') : t('dropPage.save')}
            </button>
          )}
          <button type="button" className="button" aria-label={t('issued.forgetLabel', { key: link.key })} aria-expanded={confirming} onClick={props.onAskForget} data-testid="forget">
            {t('issued.forget')}
          </button>
        </td>
      </tr>
      {props.dropPageError !== undefined && (
        <tr>
          <td colSpan={COLUMNS}>
            <ErrorNote title={t('dropPage.failed')} error={props.dropPageError} testId="drop-page-error" />
          </td>
        </tr>
      )}
      {confirming && (
        <tr>
          <td colSpan={COLUMNS}>
            <ForgetConfirm link={link} active={status === 'active'} busy={props.forgetting} error={props.forgetError} onConfirm={props.onForget} onCancel={props.onKeep} />
          </td>
        </tr>
      )}
    </>
  );
}
