/**
 * The result of testing a profile, in plain words: passed or the kind of failure, each check with what it
 * found, what to do, and what the server said. The headline is a live region, so "Test passed" or the
 * failure is announced when it arrives.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ProbeReportView } from '../../../../electron/shared/ipc/profile-types.js';
import { formatDuration } from '../../app/format.js';
import { PROBE_CHECKS, probeOutcome, type ProbeFailureKind, type ProbeOutcome, type ProbeSubject } from './probe-outcome.js';
import { ProfileWarnings } from './ProfileWarnings.js';
import { valuesT } from './values-t.js';
import './probe-report.css';

/** Where a test is: running, answered with a report, or refused before it could run (no secret...). */
export type ProbeState = { readonly kind: 'running' } | { readonly kind: 'report'; readonly report: ProbeReportView } | { readonly kind: 'error'; readonly error: ErrorInfo };

const CHECK_MARK = { passed: '✓', failed: '✗', unchecked: '–' } as const;

/** "your clock is 20 min behind the server's": `offsetMs` is how far the local clock is behind (negative: ahead). */
function clockText(t: TFunction<'profiles'>, offsetMs: number): string {
  const duration = formatDuration(Math.abs(offsetMs) / 1000);
  return offsetMs > 0 ? t('probe.clockBehind', { duration }) : t('probe.clockAhead', { duration });
}

function Checks({ outcome }: { readonly outcome: ProbeOutcome }) {
  const { t } = useTranslation('profiles');
  return (
    <ul className="probe-checks" aria-label={t('probe.checks.label')}>
      {PROBE_CHECKS.map((check) => {
        const state = outcome.checks[check];
        return (
          <li key={check} className={`probe-check probe-check-${state}`} data-check={check} data-state={state}>
            <span aria-hidden="true" className="probe-check-mark">
              {CHECK_MARK[state]}
            </span>{' '}
            {t(`probe.checks.${check}`)}: <span className="probe-check-state">{t(`probe.checkState.${state}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function Failure({ outcome, onEdit }: { readonly outcome: Extract<ProbeOutcome, { kind: 'failed' }>; readonly onEdit?: (() => void) | undefined }) {
  const { t } = useTranslation('profiles');
  const offsetMs = outcome.values['clockOffsetMs'];
  const offset = typeof offsetMs === 'number' ? clockText(t, offsetMs) : undefined;
  const say = valuesT<`probe.kinds.${ProbeFailureKind}.${'explain' | 'fix'}`>(t);
  const explain =
    outcome.failure === 'clockSkew' && offset === undefined ? t('probe.kinds.clockSkew.explainUnknown') : say(`probe.kinds.${outcome.failure}.explain`, { ...outcome.values, offset });
  return (
    <>
      <p className="probe-explain">{explain}</p>
      <Checks outcome={outcome} />
      <p className="probe-fix">
        <strong>{t('probe.fixLabel')}</strong> {say(`probe.kinds.${outcome.failure}.fix`, outcome.values)}
      </p>
      {onEdit !== undefined && outcome.failure !== 'clockSkew' && (
        <button type="button" className="link-button" onClick={onEdit}>
          {t('probe.editProfile')}
        </button>
      )}
      <details className="probe-server">
        <summary>{t('probe.details')}</summary>
        <p data-testid="probe-message">{outcome.problem.message}</p>
        <p className="muted">{outcome.problem.hint}</p>
        <p className="muted">
          <code>{outcome.problem.code}</code>
        </p>
      </details>
    </>
  );
}

function Passed({ outcome, report }: { readonly outcome: Extract<ProbeOutcome, { kind: 'passed' }>; readonly report: ProbeReportView }) {
  const { t } = useTranslation('profiles');
  const offset = outcome.clockOffsetMs;
  return (
    <>
      <p className="probe-explain">{t('probe.passedDetail', { endpoint: report.endpoint, ms: Math.round(outcome.elapsedMs) })}</p>
      <Checks outcome={outcome} />
      <dl className="probe-facts">
        <dt>{t('probe.route')}</dt>
        <dd>{report.route === 'direct' ? t('probe.routeDirect') : report.route}</dd>
        {outcome.requestId !== undefined && (
          <>
            <dt>{t('probe.requestId')}</dt>
            <dd>
              <code>{outcome.requestId}</code>
            </dd>
          </>
        )}
        {offset !== undefined && Math.abs(offset) >= 1000 && (
          <>
            <dt>{t('probe.clockOffset')}</dt>
            <dd>{clockText(t, offset)}</dd>
          </>
        )}
      </dl>
    </>
  );
}

/** The report of testing profile `name`. */
export function ProbeReport({ name, state, subject, onEdit }: { readonly name: string; readonly state: ProbeState; readonly subject: ProbeSubject; readonly onEdit?: (() => void) | undefined }) {
  const { t } = useTranslation('profiles');
  const outcome = state.kind === 'report' ? probeOutcome(state.report, subject) : undefined;
  const headline =
    state.kind === 'running'
      ? t('probe.running', { name })
      : state.kind === 'error'
        ? t('probe.couldNotRun')
        : outcome?.kind === 'passed'
          ? t('probe.passed')
          : t('probe.failed', { title: outcome === undefined ? '' : t(`probe.kinds.${outcome.failure}.title`) });
  const result = state.kind === 'running' ? 'running' : state.kind === 'error' ? 'error' : (outcome?.kind ?? 'error');
  return (
    <section className={`probe-report probe-${result}`} aria-label={t('probe.regionLabel', { name })} data-testid="probe-report" data-outcome={result} data-failure={outcome?.kind === 'failed' ? outcome.failure : undefined}>
      <p className="probe-headline" role="status">
        {headline}
      </p>
      {state.kind === 'error' && (
        <>
          <p>{state.error.message}</p>
          <p className="muted">{state.error.hint}</p>
        </>
      )}
      {state.kind === 'report' && outcome?.kind === 'passed' && <Passed outcome={outcome} report={state.report} />}
      {state.kind === 'report' && outcome?.kind === 'failed' && <Failure outcome={outcome} onEdit={onEdit} />}
      {state.kind === 'report' && <ProfileWarnings warnings={state.report.warnings} />}
    </section>
  );
}
