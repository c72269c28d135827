/**
 * Importing credentials users already have: choose where to look (and the bucket, region and secret
 * store to fill in), see what was found without any secret (`profiles:import-preview`), pick which to
 * import, and store them (`profiles:import-apply`, with the same choices as the preview: the host scans
 * again rather than trusting anything sent back).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ImportApplyResult, ImportPreview, ImportPreviewRequest, ImportSourceName, SecretStoreChoice } from '../../../../electron/shared/ipc/profile-types.js';
import { useBridge } from '../../app/bridge-context.js';
import { FormField } from './FormField.js';
import { HostErrorNote } from './HostErrorNote.js';
import { ImportCandidates } from './ImportCandidates.js';
import { KeychainNote } from './KeychainNote.js';
import './profile-form.css';
import './profiles.css';

const SOURCES: readonly (ImportSourceName | 'all')[] = ['all', 'ossutil', 'aliyun', 'aws', 'env'];

type Preview = { readonly kind: 'idle' } | { readonly kind: 'looking' } | { readonly kind: 'found'; readonly request: ImportPreviewRequest; readonly preview: ImportPreview };
type Apply = { readonly kind: 'idle' } | { readonly kind: 'applying' } | { readonly kind: 'done'; readonly result: ImportApplyResult };

/** The request the form describes (empty fields left out). */
function requestOf(from: ImportSourceName | 'all', bucket: string, region: string, secretStore: SecretStoreChoice): ImportPreviewRequest {
  return {
    ...(from === 'all' ? {} : { from }),
    ...(bucket.trim() === '' ? {} : { bucket: bucket.trim() }),
    ...(region.trim() === '' ? {} : { region: region.trim() }),
    secretStore,
  };
}

/** The import screen. */
export function ImportPage() {
  const { t } = useTranslation('profiles');
  const { api } = useBridge();
  const [from, setFrom] = useState<ImportSourceName | 'all'>('all');
  const [bucket, setBucket] = useState('');
  const [region, setRegion] = useState('');
  const [secretStore, setSecretStore] = useState<SecretStoreChoice>('keychain');
  const [preview, setPreview] = useState<Preview>({ kind: 'idle' });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [apply, setApply] = useState<Apply>({ kind: 'idle' });
  const [error, setError] = useState<ErrorInfo | undefined>(undefined);

  const look = async () => {
    const request = requestOf(from, bucket, region, secretStore);
    setError(undefined);
    setApply({ kind: 'idle' });
    setPreview({ kind: 'looking' });
    const answer = await api.invoke('profiles:import-preview', request);
    if (!answer.ok) {
      setPreview({ kind: 'idle' });
      return setError(answer.error);
    }
    setPreview({ kind: 'found', request, preview: answer.value });
    setChosen(new Set(answer.value.candidates.filter((candidate) => candidate.plan.kind === 'ready').map((candidate) => candidate.name)));
  };

  const store = async () => {
    if (preview.kind !== 'found' || chosen.size === 0) return;
    setError(undefined);
    setApply({ kind: 'applying' });
    const answer = await api.invoke('profiles:import-apply', { ...preview.request, names: [...chosen] });
    if (!answer.ok) {
      setApply({ kind: 'idle' });
      return setError(answer.error);
    }
    setApply({ kind: 'done', result: answer.value });
  };

  const toggle = (name: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  const found = preview.kind === 'found' ? preview.preview : undefined;
  const result = apply.kind === 'done' ? apply.result : undefined;
  return (
    <section className="page profiles-page import-page" data-testid="import-page">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
        <Link href="/" className="button">
          {t('actions.back')}
        </Link>
      </header>
      <p className="muted">{t('import.intro')}</p>
      <form
        className="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void look();
        }}
      >
        <div className="form-field">
          <label htmlFor="import-from">{t('import.source')}</label>
          <select id="import-from" value={from} onChange={(event) => setFrom(event.target.value as ImportSourceName | 'all')}>
            {SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`import.sources.${source}`)}
              </option>
            ))}
          </select>
        </div>
        <FormField id="import-bucket" label={t('import.bucket.label')} help={t('import.bucket.help')}>
          {(control) => <input {...control} value={bucket} onChange={(event) => setBucket(event.target.value)} maxLength={63} spellCheck={false} autoCapitalize="off" />}
        </FormField>
        <FormField id="import-region" label={t('import.region.label')} help={t('import.region.help')}>
          {(control) => <input {...control} value={region} onChange={(event) => setRegion(event.target.value)} maxLength={64} spellCheck={false} autoCapitalize="off" />}
        </FormField>
        <div className="form-field">
          <label htmlFor="import-store">{t('import.secretStore')}</label>
          <select id="import-store" value={secretStore} onChange={(event) => setSecretStore(event.target.value as SecretStoreChoice)}>
            <option value="keychain">{t('editor.secretStore.keychain')}</option>
            <option value="encrypted-file">{t('editor.secretStore.encrypted-file')}</option>
          </select>
        </div>
        {secretStore === 'keychain' && <KeychainNote />}
        <div className="button-row form-actions">
          <button type="submit" className="button button-primary" disabled={preview.kind === 'looking'} data-testid="import-look">
            {preview.kind === 'looking' ? t('import.looking') : t('import.look')}
          </button>
        </div>
      </form>
      <p className="live-status" role="status" data-testid="import-status">
        {result !== undefined
          ? result.imported.length === 0
            ? t('import.importedNone')
            : t('import.imported', { count: result.imported.length })
          : found === undefined
            ? ''
            : found.candidates.length === 0
              ? t('import.foundNone')
              : t('import.found', { count: found.candidates.length })}
      </p>
      {error !== undefined && <HostErrorNote error={error} />}
      {found !== undefined && found.candidates.length > 0 && result === undefined && (
        <>
          <ImportCandidates candidates={found.candidates} chosen={chosen} onToggle={toggle} />
          <div className="button-row form-actions">
            <button type="button" className="button button-primary" disabled={chosen.size === 0 || apply.kind === 'applying'} onClick={() => void store()} data-testid="import-apply">
              {apply.kind === 'applying' ? t('import.applying') : t('import.apply', { count: chosen.size })}
            </button>
          </div>
        </>
      )}
      {found !== undefined && found.problems.length > 0 && (
        <div className="import-problems">
          <p>{t('import.problems')}</p>
          <ul>
            {found.problems.map((problem) => (
              <li key={`${problem.source}:${problem.path}`}>
                <code>{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result !== undefined && (
        <ul className="import-result" data-testid="import-result">
          {result.imported.map((entry) => (
            <li key={`imported-${entry.name}`}>
              {t('import.importedEntry', { name: entry.name })} {entry.becameDefault ? t('import.becameDefault', { name: entry.name }) : ''}
            </li>
          ))}
          {result.skipped.map((entry) => (
            <li key={`skipped-${entry.name}`}>{t('import.skipped', { name: entry.name, reason: entry.reason })}</li>
          ))}
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
