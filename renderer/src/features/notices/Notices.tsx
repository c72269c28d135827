/**
 * Toasts: things the user should hear about that no click asked for (a file that could not be sent, a
 * damaged settings file set aside), each with what to do about it.
 */
import { useAppStore } from '../../store/index.js';

/** The notices, newest last. */
export function Notices() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((notice) => (
        <li key={notice.id} className={`notice notice-${notice.level}`} data-testid="notice">
          <span>
            {notice.message}
            {notice.hint !== undefined && <span className="notice-hint"> {notice.hint}</span>}
          </span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
