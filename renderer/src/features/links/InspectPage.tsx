/**
 * The link inspector (`#/links/inspect`): paste a presigned OSS or S3 link, and optionally the error a
 * recipient got back, and see what the link allows, until when, whether its signature holds, and what
 * the error means. Another screen can hand it a link (inspect-draft.ts); it is inspected on arrival.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { LinkInspection } from '../../../../electron/shared/ipc/link-types.js';
import { useBridge } from '../../app/bridge-context.js';
import { ErrorNote } from './ErrorNote.js';
import { inspectDraft, useInspectDraft } from './inspect-draft.js';
import { InspectionView } from './InspectionView.js';
import './links-common.css';

/** Why 8,192 and 65,536: the contract's bounds on an inspected URL and on a server's answer. */
const MAX_URL = 8192;
const MAX_ANSWER = 65_536;

/** What is wrong with the inputs, by field. */
interface InspectProblems {
  readonly url?: string;
  readonly answer?: string;
}

/** Where the screen is. */
type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'inspecting' }
  | { readonly kind: 'done'; readonly inspection: LinkInspection }
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The screen. */
export function InspectPage() {
  const { t } = useTranslation('links');
  const { api } = useBridge();
  const url = useInspectDraft((state) => state.url);
  const answer = useInspectDraft((state) => state.answer);
  const edit = useInspectDraft((state) => state.edit);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [attempted, setAttempted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const problemsOf = (link: string, said: string): InspectProblems => ({
    ...(link === '' ? { url: t('inspect.urlEmpty') } : link.length > MAX_URL ? { url: t('inspect.urlTooLong', { max: MAX_URL }) } : !isHttpUrl(link) ? { url: t('inspect.urlShape') } : {}),
    ...(said.length > MAX_ANSWER ? { answer: t('inspect.answerTooLong', { max: MAX_ANSWER }) } : {}),
  });
  const problems = attempted ? problemsOf(url.trim(), answer.trim()) : {};

  const inspect = async (link: string, said: string) => {
    const found = problemsOf(link, said);
    if (found.url !== undefined || found.answer !== undefined) {
      setAttempted(true);
      document.getElementById(found.url !== undefined ? 'inspect-url' : 'inspect-answer')?.focus();
      return;
    }
    setPhase({ kind: 'inspecting' });
    // An absent answer is left out, not sent as undefined (which JSON would turn into null).
    const result = said === '' ? await api.invoke('links:inspect', link) : await api.invoke('links:inspect', link, said);
    setPhase(result.ok ? { kind: 'done', inspection: result.value } : { kind: 'failed', error: result.error });
  };

  // A link handed over by another screen is inspected on arrival.
  useEffect(() => {
    const draft = inspectDraft.getState();
    if (!draft.handedOver) return;
    draft.taken();
    void inspect(draft.url.trim(), draft.answer.trim());
    // Only on arrival: later changes are the user's, inspected on request.
  }, []);
  // Focus goes to what the inspection says once it is on screen.
  useEffect(() => {
    if (phase.kind === 'done') heading.current?.focus();
  }, [phase]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (phase.kind !== 'inspecting') void inspect(url.trim(), answer.trim());
  };
  return (
    <section className="page links-page" aria-labelledby="inspect-title">
      <h1 id="inspect-title">{t('inspect.title')}</h1>
      <p className="muted">{t('inspect.intro')}</p>
      <form className="links-form" noValidate onSubmit={submit} aria-labelledby="inspect-title" data-testid="inspect-form">
        <div className="form-field">
          <label htmlFor="inspect-url">{t('inspect.url')}</label>
          <textarea
            id="inspect-url"
            className="links-url"
            rows={3}
            value={url}
            spellCheck={false}
            onChange={(event) => edit({ url: event.target.value })}
            aria-invalid={problems.url !== undefined ? true : undefined}
            aria-describedby={problems.url !== undefined ? 'inspect-url-problem' : undefined}
          />
          {problems.url !== undefined && (
            <p id="inspect-url-problem" className="form-problem">
              {problems.url}
            </p>
          )}
        </div>
        <div className="form-field">
          <label htmlFor="inspect-answer">{t('inspect.answer')}</label>
          <textarea
            id="inspect-answer"
            rows={5}
            value={answer}
            spellCheck={false}
            placeholder='<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code>…'
            onChange={(event) => edit({ answer: event.target.value })}
            aria-invalid={problems.answer !== undefined ? true : undefined}
            aria-describedby={[...(problems.answer !== undefined ? ['inspect-answer-problem'] : []), 'inspect-answer-hint'].join(' ')}
          />
          {problems.answer !== undefined && (
            <p id="inspect-answer-problem" className="form-problem">
              {problems.answer}
            </p>
          )}
          <p id="inspect-answer-hint" className="help-text">
            {t('inspect.answerHint')}
          </p>
        </div>
        <div className="button-row links-actions">
          <button type="submit" className="button button-primary" disabled={phase.kind === 'inspecting'} data-testid="inspect-submit">
            {phase.kind === 'inspecting' ? t('inspect.inspecting') : t('inspect.submit')}
          </button>
        </div>
      </form>
      {phase.kind === 'failed' && <ErrorNote title={t('inspect.refused')} error={phase.error} testId="inspect-refused" />}
      {phase.kind === 'done' && <InspectionView inspection={phase.inspection} heading={heading} />}
    </section>
  );
}
