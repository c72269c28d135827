/**
 * The link form screen (`#/links/new`, which the tray's "Create upload link…" opens): fill in the form,
 * get the link and everything the recipient needs; "Make another" comes back to the same form.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { LinkResult } from '../../../../electron/shared/ipc/link-types.js';
import { useBridge } from '../../app/bridge-context.js';
import { useAppStore } from '../../store/index.js';
import { checkLinkForm } from './check-link-form.js';
import { fieldId, type FormProblems } from './form-problems.js';
import { initialFormValues, type LinkFormValues } from './link-form-values.js';
import { LinkForm } from './LinkForm.js';
import { LinkResultView } from './LinkResultView.js';
import { useHostValue } from './use-host-value.js';
import { useLinkLimits } from './use-link-limits.js';
import './links-common.css';

/** Where the screen is: filling in, waiting for the host, or showing what it made. */
type Phase =
  | { readonly kind: 'editing'; readonly refusal?: ErrorInfo }
  | { readonly kind: 'creating' }
  | { readonly kind: 'created'; readonly result: LinkResult };

const NO_PROBLEMS: FormProblems = new Map();

/** Moves focus to the first field with a problem, once its message is on screen. */
function focusFirstProblem(problems: FormProblems): void {
  const first = problems.keys().next();
  if (first.done === true) return;
  const field = first.value;
  window.setTimeout(() => {
    // A preset expiry has no text field: its chosen (or first usable) radio button takes the focus.
    const target = document.getElementById(fieldId(field)) ?? (field === 'expiry' ? document.querySelector<HTMLElement>('[data-testid="expiry"] input:checked, [data-testid="expiry"] input:not(:disabled)') : null);
    target?.focus();
  }, 0);
}

/** The screen. */
export function NewLinkPage() {
  const { t } = useTranslation('links');
  const { api } = useBridge();
  const defaultExpiry = useAppStore((state) => state.settings?.defaultLinkExpirySeconds);
  const profiles = useHostValue('profiles:list', []).state;
  const [values, setValues] = useState<LinkFormValues>(() => initialFormValues(defaultExpiry));
  const [prefixTyped, setPrefixTyped] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'editing' });
  const formLimits = useLinkLimits(profiles, values.profile, t('form.signatureMaxReason'));
  const limits = formLimits.kind === 'loading' ? undefined : formLimits.limits;

  // The default profile is chosen once the profiles are known (set while rendering, so no frame shows none).
  if (profiles.kind === 'ready' && values.profile === '') setValues({ ...values, profile: profiles.value.defaultProfile });

  // The folder follows the profile's key prefix until the user types in it: taken once per profile's limits.
  const prefixSource = limits === undefined ? undefined : `${limits.profile}\n${limits.keyPrefix}`;
  const [prefixTakenFrom, setPrefixTakenFrom] = useState<string | undefined>(undefined);
  if (limits !== undefined && prefixSource !== prefixTakenFrom) {
    setPrefixTakenFrom(prefixSource);
    if (!prefixTyped) setValues((current) => ({ ...current, prefix: limits.keyPrefix }));
  }

  const check = limits === undefined ? undefined : checkLinkForm(values, limits);
  const allProblems = check === undefined || check.ok ? NO_PROBLEMS : check.problems;
  // Before the first attempt only the validity's problems show, at once: they depend on the profile, not on typing.
  const problems: FormProblems = attempted ? allProblems : new Map([...allProblems].filter(([field]) => field === 'expiry'));

  const change = (patch: Partial<LinkFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const submit = async () => {
    if (check === undefined) return;
    if (!check.ok) {
      setAttempted(true);
      focusFirstProblem(check.problems);
      return;
    }
    setPhase({ kind: 'creating' });
    const answer = await api.invoke('links:create', check.request);
    setPhase(answer.ok ? { kind: 'created', result: answer.value } : { kind: 'editing', refusal: answer.error });
  };
  const makeAnother = () => {
    setPhase({ kind: 'editing' });
    window.setTimeout(() => document.getElementById('link-create-title')?.focus(), 0);
  };

  return (
    <section className="page links-page" aria-labelledby="link-create-title">
      <h1 id="link-create-title" tabIndex={-1}>
        {t('form.title')}
      </h1>
      {phase.kind === 'created' ? (
        <LinkResultView result={phase.result} onMakeAnother={makeAnother} />
      ) : (
        <>
          <p className="muted">{t('form.intro')}</p>
          {profiles.kind === 'loading' && <p className="help-text">{t('form.loadingProfiles')}</p>}
          <LinkForm
            values={values}
            change={change}
            problems={problems}
            profiles={profiles.kind === 'ready' ? profiles.value : undefined}
            limits={formLimits}
            busy={phase.kind === 'creating'}
            ready={formLimits.kind !== 'loading'}
            attempted={attempted}
            refusal={phase.kind === 'editing' ? phase.refusal : undefined}
            onPrefixTyped={() => setPrefixTyped(true)}
            onSubmit={() => void submit()}
          />
        </>
      )}
    </section>
  );
}
