/**
 * The link form: profile, method and object, validity, and the options of the chosen method. It shows
 * the problems it is given next to their fields and, when sending was refused, the host's error.
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ProfileList } from '../../../../electron/shared/ipc/profile-types.js';
import { DownloadOptions } from './DownloadOptions.js';
import { ErrorNote } from './ErrorNote.js';
import { ExpiryField } from './ExpiryField.js';
import type { FormSectionProps } from './form-section-props.js';
import type { FormLimits } from './use-link-limits.js';
import { TargetFields } from './TargetFields.js';
import { UploadOptions } from './UploadOptions.js';
import './links-common.css';
import './link-form.css';

/** The form's state and what it can do. */
export interface LinkFormProps extends Omit<FormSectionProps, 'limits'> {
  readonly profiles: ProfileList | undefined;
  readonly limits: FormLimits;
  /** True while the link is being made. */
  readonly busy: boolean;
  /** False until the profile's limits are known: the form cannot be checked before. */
  readonly ready: boolean;
  /** True once sending was tried with problems: a summary then says so. */
  readonly attempted: boolean;
  /** The host's refusal of the last attempt. */
  readonly refusal: ErrorInfo | undefined;
  readonly onPrefixTyped: () => void;
  readonly onSubmit: () => void;
}

/** See the module comment. */
export function LinkForm(props: LinkFormProps) {
  const { t } = useTranslation('links');
  const { limits: formLimits, problems, busy, ready, attempted, refusal, onSubmit } = props;
  const limits = formLimits.kind === 'loading' ? undefined : formLimits.limits;
  const section: FormSectionProps = { values: props.values, change: props.change, problems, limits };
  const blocked = limits?.cap.kind === 'token-expired';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready && !busy && !blocked) onSubmit();
  };
  return (
    <form className="links-form" noValidate onSubmit={submit} aria-labelledby="link-create-title" data-testid="link-form">
      {formLimits.kind === 'fallback' && (
        <p className="links-note" data-testid="limits-unavailable">
          {t('form.limitsUnavailable', { message: formLimits.problem.message })}
        </p>
      )}
      <TargetFields {...section} profiles={props.profiles} onPrefixTyped={props.onPrefixTyped} />
      <ExpiryField {...section} />
      {props.values.method === 'PUT' ? <UploadOptions {...section} /> : <DownloadOptions {...section} />}
      {attempted && problems.size > 0 && (
        <p className="form-problem" role="alert" data-testid="problems-summary">
          {t('form.problemsSummary')}
        </p>
      )}
      {refusal !== undefined && <ErrorNote title={t('form.refused')} error={refusal} testId="link-refused" />}
      <div className="button-row links-actions">
        <button type="submit" className="button button-primary" disabled={!ready || busy || blocked} data-testid="create-link">
          {busy ? t('form.creating') : t('form.create')}
        </button>
      </div>
    </form>
  );
}
