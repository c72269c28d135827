/**
 * One profile in the list: name (with Default and Built-in badges), provider, bucket, region, where its
 * secret is, and its actions (test, edit or details, make default, remove); the test's report below it.
 */
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { ProfileView } from '../../../../electron/shared/ipc/profile-types.js';
import { ProbeReport, type ProbeState } from './ProbeReport.js';
import { secretStatusOf } from './secret-status.js';
import './profiles.css';

/** Why 6: the columns of the list's table (the report row spans them all). */
const COLUMNS = 6;

/** What the row can do. */
export interface ProfileRowActions {
  readonly onTest: (name: string) => void;
  readonly onMakeDefault: (name: string) => void;
  readonly onRemove: (name: string) => void;
}

/** The row of `profile`, and its test report when there is one. */
export function ProfileRow({ profile, test, actions }: { readonly profile: ProfileView; readonly test: ProbeState | undefined; readonly actions: ProfileRowActions }) {
  const { t } = useTranslation('profiles');
  const [, navigate] = useLocation();
  const status = secretStatusOf(profile);
  const editPath = `/edit/${encodeURIComponent(profile.name)}`;
  return (
    <>
      <tr data-testid="profile-row" data-name={profile.name}>
        <th scope="row">
          <span className="profile-name">{profile.name}</span>
          {profile.isDefault && (
            <span className="badge badge-accent" data-testid="default-badge">
              {t('list.defaultBadge')}
            </span>
          )}
          {profile.builtIn && <span className="badge">{t('list.builtInBadge')}</span>}
        </th>
        <td>{t(`provider.${profile.provider}`)}</td>
        <td>{profile.bucket}</td>
        <td>{profile.region}</td>
        <td>
          <span className={`secret-status secret-${status}`} title={t(`secretStatusHelp.${status}`)} data-testid="secret-status" data-status={status}>
            {t(`secretStatus.${status}`)}
          </span>
        </td>
        <td className="button-row">
          <button type="button" className="button" onClick={() => actions.onTest(profile.name)} disabled={test?.kind === 'running'} aria-label={t('list.testOf', { name: profile.name })} data-testid="test-profile">
            {test?.kind === 'running' ? t('actions.testing') : t('actions.test')}
          </button>
          <Link href={editPath} className="button" aria-label={t(profile.builtIn ? 'list.detailsOf' : 'list.editOf', { name: profile.name })} data-testid="edit-profile">
            {profile.builtIn ? t('actions.details') : t('actions.edit')}
          </Link>
          {!profile.isDefault && (
            <button type="button" className="button" onClick={() => actions.onMakeDefault(profile.name)} aria-label={t('list.makeDefaultOf', { name: profile.name })} data-testid="make-default">
              {t('actions.makeDefault')}
            </button>
          )}
          {!profile.builtIn && (
            <button type="button" className="button button-danger" onClick={() => actions.onRemove(profile.name)} aria-label={t('list.removeOf', { name: profile.name })} data-testid="remove-profile">
              {t('actions.remove')}
            </button>
          )}
        </td>
      </tr>
      {test !== undefined && (
        <tr className="probe-row">
          <td colSpan={COLUMNS}>
            <ProbeReport
              name={profile.name}
              state={test}
              subject={profile}
              onEdit={profile.builtIn ? undefined : () => navigate(editPath)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
