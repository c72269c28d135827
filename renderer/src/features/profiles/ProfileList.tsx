/**
 * The profiles screen's list: every profile with where its secret is, the keychain's state when it cannot
 * be used, and per profile test, edit, make default and remove (after asking). What each action did is
 * said in a live region. Below the list, the unfinished uploads of a chosen profile (features/unfinished).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { useBridge } from '../../app/bridge-context.js';
import { UnfinishedUploads } from '../unfinished/UnfinishedUploads.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { HostErrorNote } from './HostErrorNote.js';
import { KeychainNote } from './KeychainNote.js';
import { ProfileRow } from './ProfileRow.js';
import { useProfileList } from './use-profile-list.js';
import { useProfileTests } from './use-profile-tests.js';
import './profiles.css';

/** The list screen. */
export function ProfileList() {
  const { t } = useTranslation('profiles');
  const { api } = useBridge();
  const { state, reload } = useProfileList();
  const { tests, runTest } = useProfileTests();
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<ErrorInfo | undefined>(undefined);
  const [removing, setRemoving] = useState<string | undefined>(undefined);

  const makeDefault = async (name: string) => {
    setActionError(undefined);
    const answer = await api.invoke('profiles:set-default', name);
    if (!answer.ok) return setActionError(answer.error);
    setStatus(t('status.defaultSet', { name }));
    await reload();
  };

  const remove = async (name: string) => {
    setRemoving(undefined);
    setActionError(undefined);
    const answer = await api.invoke('profiles:remove', name);
    if (!answer.ok) return setActionError(answer.error);
    const parts: string[] = [t('status.removed', { name })];
    if (answer.value.wasDefault) parts.push(t('status.removedDefault'));
    if (!answer.value.secretDeleted) parts.push(t('status.secretNotDeleted'));
    setStatus(parts.join(' '));
    await reload();
  };

  return (
    <section className="page profiles-page" data-testid="profiles-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <div className="button-row">
          <Link href="/new" className="button button-primary" data-testid="add-profile">
            {t('actions.add')}
          </Link>
          <Link href="/import" className="button" data-testid="import-profiles">
            {t('actions.import')}
          </Link>
        </div>
      </header>
      <p className="muted">{t('intro')}</p>
      <KeychainNote />
      <p className="live-status" role="status" data-testid="profiles-status">
        {status}
      </p>
      {actionError !== undefined && <HostErrorNote error={actionError} />}
      {state.kind === 'failed' && <HostErrorNote error={state.error} title={t('loadFailed')} />}
      {state.kind === 'loading' && <p className="muted">{t('loading', { ns: 'common' })}</p>}
      {state.kind === 'loaded' && (
        <table className="data-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.provider')}</th>
              <th scope="col">{t('list.bucket')}</th>
              <th scope="col">{t('list.region')}</th>
              <th scope="col">{t('list.secret')}</th>
              <th scope="col">{t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {state.list.profiles.map((profile) => (
              <ProfileRow
                key={profile.name}
                profile={profile}
                test={tests.get(profile.name)}
                actions={{ onTest: (name) => void runTest(name), onMakeDefault: (name) => void makeDefault(name), onRemove: setRemoving }}
              />
            ))}
          </tbody>
        </table>
      )}
      {state.kind === 'loaded' && <UnfinishedUploads profiles={state.list.profiles} defaultProfile={state.list.defaultProfile} />}
      {removing !== undefined && (
        <ConfirmDialog
          title={t('removeDialog.title', { name: removing })}
          body={t('removeDialog.body')}
          confirmLabel={t('removeDialog.confirm')}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(undefined)}
        />
      )}
    </section>
  );
}
