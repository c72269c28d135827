/**
 * Asks before a link leaves the register, and says plainly that forgetting does not revoke it: the
 * link keeps working until it expires. "Keep it" has the focus, and Escape keeps it too.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { IssuedLinkView } from '../../../../electron/shared/ipc/link-types.js';
import { ErrorNote } from './ErrorNote.js';
import { formatDateTime } from './format-time.js';

/** The link in question, whether it still works, and what the answers do. */
export interface ForgetConfirmProps {
  readonly link: IssuedLinkView;
  readonly active: boolean;
  readonly busy: boolean;
  readonly error: ErrorInfo | undefined;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** See the module comment. */
export function ForgetConfirm({ link, active, busy, error, onConfirm, onCancel }: ForgetConfirmProps) {
  const { t } = useTranslation('links');
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  const titleId = `forget-title-${link.id}`;
  const textId = `forget-text-${link.id}`;
  return (
    <div className="callout callout-warning" role="alertdialog" aria-labelledby={titleId} aria-describedby={textId} onKeyDown={onKeyDown} data-testid="forget-confirm">
      <p id={titleId} className="callout-title">
        {t('issued.forgetTitle')}
      </p>
      <p id={textId}>{active ? t('issued.forgetActive', { key: link.key, time: formatDateTime(link.expiresAt) }) : t('issued.forgetExpired', { key: link.key })}</p>
      {error !== undefined && <ErrorNote title={t('issued.forgetTitle')} error={error} />}
      <div className="button-row links-actions">
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={busy} data-testid="forget-confirm-yes">
          {busy ? t('issued.forgetting') : t('issued.forgetConfirm')}
        </button>
        <button type="button" ref={keep} className="button" onClick={onCancel}>
          {t('issued.forgetCancel')}
        </button>
      </div>
    </div>
  );
}
