/**
 * The "Unfinished uploads" section of the profiles screen: for a chosen profile (the default one first)
 * and an optional key prefix, "Find unfinished uploads" lists the multipart uploads its bucket holds that
 * nobody finished, and what each holds when that box is ticked (one more request per upload, so not by
 * default); nothing is asked of the bucket before that. The list and the aborts are below
 * (UnfinishedResults); what was found is said in a live region, a listing that failed in a note with
 * what to do.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../../electron/shared/ipc/profile-types.js';
import { HostErrorNote } from '../profiles/HostErrorNote.js';
import { UnfinishedResults } from './UnfinishedResults.js';
import { useAbortUploads } from './use-abort-uploads.js';
import { useUnfinishedListing, type ListingState } from './use-unfinished-listing.js';
import './unfinished.css';

/** Why 1,023: the contract's bound on a prefix (MAX_KEY_LENGTH in electron/shared/ipc/schemas.ts, not imported here: zod). */
const MAX_PREFIX_LENGTH = 1023;

/** What the section is given: the profiles to choose from, and which one to start with. */
export interface UnfinishedUploadsProps {
  readonly profiles: readonly ProfileView[];
  readonly defaultProfile: string;
}

/** The sentence the live region says for `state`. */
function useStatusText(state: ListingState): string {
  const { t } = useTranslation('unfinished');
  switch (state.kind) {
    case 'listing':
      return t('status.finding', { profile: state.profile });
    case 'listed': {
      const { uploads, bucket } = state.listing;
      return uploads.length === 0 ? t('status.none', { bucket }) : t('status.found', { count: uploads.length, bucket });
    }
    default:
      return '';
  }
}

/** The section. */
export function UnfinishedUploads({ profiles, defaultProfile }: UnfinishedUploadsProps) {
  const { t } = useTranslation('unfinished');
  const id = useId();
  const { state, find } = useUnfinishedListing();
  const aborts = useAbortUploads();
  const [chosen, setChosen] = useState(defaultProfile);
  const [prefix, setPrefix] = useState('');
  const [withSizes, setWithSizes] = useState(false);
  const status = useStatusText(state);
  // A profile removed meanwhile is no choice any more.
  const profile = profiles.some((candidate) => candidate.name === chosen) ? chosen : defaultProfile;
  const busy = state.kind === 'listing' || aborts.run.kind === 'running';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    aborts.reset();
    void find({ profile, prefix, withSizes });
  };

  return (
    <section className="unfinished-uploads" aria-labelledby={`${id}-title`} data-testid="unfinished-uploads">
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <p className="muted unfinished-intro">{t('intro')}</p>
      <form className="toolbar unfinished-find" aria-label={t('form.label')} onSubmit={onSubmit}>
        <span className="unfinished-field">
          <label htmlFor={`${id}-profile`}>{t('form.profile')}</label>
          <select id={`${id}-profile`} value={profile} onChange={(event) => setChosen(event.target.value)} data-testid="unfinished-profile">
            {profiles.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {t('form.profileOption', { name: candidate.name, bucket: candidate.bucket })}
              </option>
            ))}
          </select>
        </span>
        <span className="unfinished-field">
          <label htmlFor={`${id}-prefix`}>{t('form.prefix')}</label>
          <input
            id={`${id}-prefix`}
            type="text"
            value={prefix}
            onChange={(event) => setPrefix(event.target.value)}
            maxLength={MAX_PREFIX_LENGTH}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-prefix-help`}
            data-testid="unfinished-prefix"
          />
        </span>
        <label className="form-check unfinished-with-sizes">
          <input type="checkbox" checked={withSizes} onChange={(event) => setWithSizes(event.target.checked)} data-testid="unfinished-with-sizes" />
          {t('form.withSizes')}
        </label>
        {/* aria-disabled, not disabled: the button keeps the focus while the answer is awaited. */}
        <button type="submit" className="button button-primary" aria-disabled={busy} data-testid="find-unfinished">
          {state.kind === 'listing' ? t('form.finding') : t('form.find')}
        </button>
        <p className="help-text unfinished-help" id={`${id}-prefix-help`}>
          {t('form.prefixHelp')}
        </p>
      </form>
      <p className="visually-hidden" role="status" data-testid="unfinished-status">
        {status}
      </p>
      {state.kind === 'failed' && <HostErrorNote error={state.error} title={t('listFailed')} testId="unfinished-error" />}
      {state.kind === 'listed' && <UnfinishedResults key={state.generation} listing={state.listing} prefix={state.prefix} nowMs={state.listedAtMs} aborts={aborts} />}
    </section>
  );
}
