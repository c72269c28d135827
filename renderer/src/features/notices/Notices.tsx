/**
 * Toasts: things the user should hear about that no click asked for (files that could not be added, a
 * damaged settings file set aside), each in plain words with what to do; errors by their code
 * (ErrorExplanation), anything else as the host said it.
 */
import { useTranslation } from 'react-i18next';
import { visibleText } from '../../../../electron/shared/visible-text.js';
import { isKnownErrorCode } from './explain-error.js';
import { ErrorExplanation } from './ErrorExplanation.js';
import { useAppStore } from '../../store/index.js';
import type { ShownNotice } from '../../store/session-slice.js';
import './notices.css';

function NoticeBody({ notice }: { readonly notice: ShownNotice }) {
  if (notice.code !== undefined && isKnownErrorCode(notice.code)) return <ErrorExplanation error={{ code: notice.code, message: notice.message }} />;
  return (
    <div className="error-explanation">
      <p className="toast-message">{visibleText(notice.message)}</p>
      {notice.hint !== undefined && <p className="error-fix">{notice.hint}</p>}
    </div>
  );
}

/** The notices, newest last. */
export function Notices() {
  const { t } = useTranslation('upload');
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  return (
    <div className="toast-list" aria-label={t('notices.label')} aria-live="polite" aria-relevant="additions">
      {notices.map((notice) => (
        <div key={notice.id} className={`toast toast-${notice.level}`} data-testid="notice">
          <NoticeBody notice={notice} />
          <button type="button" className="button button-small toast-dismiss" aria-label={t('notices.dismiss')} onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
