/**
 * The one place a typed error becomes plain words: a title saying what went wrong, a fix saying what to
 * do (both translated, from the `errors` namespace, keyed by ErrorCode), and the details that help with
 * the rest: the host's own sentence (which quotes the server and names specifics), the request id a
 * provider asks for, the server's status and code, the system error.
 *
 * Where the details name the culprit, the title and fix name it too, in the user's language: the bucket's
 * real region (or endpoint), how far the clock is off and which way, the header that differs from the
 * signed one, the file that vanished or changed.
 */
import type { TFunction } from 'i18next';
import type { ErrorCode, ErrorInfo } from '../../../../electron/shared/errors.js';
import type { Language } from '../../../../electron/shared/ipc/settings.js';
import { visibleLine, visibleText } from '../../../../electron/shared/visible-text.js';
import { formatDuration } from '../../app/format.js';
import { errors as englishErrors } from '../../i18n/locales/en/errors.js';

/** Every ErrorCode: the catalog's keys, which its `satisfies Record<ErrorCode, ...>` holds to exactly the union. */
export const ERROR_CODES = Object.keys(englishErrors.codes) as readonly ErrorCode[];

/** What can be explained: an ErrorInfo, or a notice's code and sentence (notices carry no details). */
export interface ExplainableError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: ErrorInfo['details'];
}

/** What the user reads. */
export interface ErrorExplanation {
  readonly title: string;
  readonly fix: string;
  /** Lines for the details: the host's sentence first, then ids and codes. */
  readonly details: readonly string[];
}

/** What the caller knows beyond the error: the file's name as the queue shows it. */
export interface ExplainContext {
  readonly fileName?: string;
}

/** True when `code` is one this version knows (a newer host may send others). */
export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(englishErrors.codes, code);
}

function textDetail(error: ExplainableError, name: string): string | undefined {
  const value = error.details?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function numberDetail(error: ExplainableError, name: string): number | undefined {
  const value = error.details?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The last part of a path (either separator). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
}

type Sharpened = { readonly title?: string; readonly fix?: string };

/** The title and fix that name the culprit, where the details do. */
function sharpen(error: ExplainableError, t: TFunction<'errors'>, language: Language, context: ExplainContext): Sharpened {
  const path = textDetail(error, 'path');
  const fileName = context.fileName ?? (path === undefined ? undefined : visibleLine(baseName(path)));
  switch (error.code) {
    case 'wrong-region': {
      const region = textDetail(error, 'bucketRegion');
      const endpoint = textDetail(error, 'endpoint');
      if (endpoint !== undefined) return { title: t('specific.wrongEndpoint.title', { endpoint }), fix: t('specific.wrongEndpoint.fix', { endpoint }) };
      if (region !== undefined) return { title: t('specific.wrongRegion.title', { region }), fix: t('specific.wrongRegion.fix', { region }) };
      return {};
    }
    case 'clock-skew': {
      const offset = numberDetail(error, 'clockOffsetMs');
      if (offset === undefined || offset === 0) return {};
      // A positive offset: the server's clock is ahead, so ours is slow.
      const duration = formatDuration(Math.abs(offset) / 1000, language);
      return { title: offset > 0 ? t('specific.clockBehind', { duration }) : t('specific.clockAhead', { duration }) };
    }
    case 'signature-mismatch': {
      const header = textDetail(error, 'header');
      return header === undefined ? {} : { title: t('specific.signatureHeader.title', { header }), fix: t('specific.signatureHeader.fix', { header }) };
    }
    case 'file-vanished':
      return fileName === undefined ? {} : { title: t('specific.fileVanished', { name: fileName }) };
    case 'file-changed':
      return fileName === undefined ? {} : { title: t('specific.fileChanged', { name: fileName }) };
    case 'file-unreadable':
      return fileName === undefined ? {} : { title: t('specific.fileUnreadable', { name: fileName }) };
    default:
      return {};
  }
}

/** The detail lines: the host's sentence, the request id, the server's answer, the system error. */
function detailLines(error: ExplainableError, t: TFunction<'errors'>): string[] {
  const lines: string[] = [];
  // The host's sentence may quote a server's, which may hold anything (see visible-text.ts).
  if (error.message.trim() !== '') lines.push(visibleText(error.message));
  const requestId = textDetail(error, 'requestId');
  if (requestId !== undefined) lines.push(t('detail.requestId', { id: requestId }));
  const status = numberDetail(error, 'status');
  const serverCode = textDetail(error, 'serverCode');
  if (status !== undefined || serverCode !== undefined) {
    lines.push(t('detail.server', { answer: [status === undefined ? undefined : `HTTP ${status}`, serverCode].filter((part) => part !== undefined).join(' ') }));
  }
  const errno = textDetail(error, 'errno');
  if (errno !== undefined) lines.push(t('detail.errno', { errno }));
  return lines;
}

/** Explains `error` in the language of `t` (`language` formats durations). */
export function explainError(error: ExplainableError, t: TFunction<'errors'>, language: Language, context: ExplainContext = {}): ErrorExplanation {
  const details = detailLines(error, t);
  if (!isKnownErrorCode(error.code)) return { title: t('unknown.title'), fix: t('unknown.fix'), details };
  const sharp = sharpen(error, t, language, context);
  return {
    title: sharp.title ?? t(`codes.${error.code}.title`),
    fix: sharp.fix ?? t(`codes.${error.code}.fix`),
    details,
  };
}
