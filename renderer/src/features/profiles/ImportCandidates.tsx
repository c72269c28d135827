/**
 * The credentials an import preview found, one row each (never a secret: the host sends none): a
 * checkbox to import it (only for candidates that can be), the profile name it would get, where it was
 * found, provider, AccessKey ID, bucket and region or why it cannot be imported, and whether it has an
 * STS token.
 */
import { useTranslation } from 'react-i18next';
import type { ImportCandidateView } from '../../../../electron/shared/ipc/profile-types.js';
import './profiles.css';

/** What the table shows and tells. */
export interface ImportCandidatesProps {
  readonly candidates: readonly ImportCandidateView[];
  readonly chosen: ReadonlySet<string>;
  readonly onToggle: (name: string, chosen: boolean) => void;
}

/** The table. */
export function ImportCandidates({ candidates, chosen, onToggle }: ImportCandidatesProps) {
  const { t } = useTranslation('profiles');
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('import.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.choose')}</th>
          <th scope="col">{t('import.name')}</th>
          <th scope="col">{t('import.from')}</th>
          <th scope="col">{t('import.provider')}</th>
          <th scope="col">{t('import.accessKeyId')}</th>
          <th scope="col">{t('import.destination')}</th>
          <th scope="col">{t('import.sts')}</th>
        </tr>
      </thead>
      <tbody>
        {candidates.map((candidate, index) => {
          const ready = candidate.plan.kind === 'ready';
          return (
            // Two sources may suggest one name (the second is skipped), so the index keeps keys apart.
            <tr key={`${candidate.name}-${index}`} data-testid="import-candidate" data-name={candidate.name} data-plan={candidate.plan.kind}>
              <td>
                <input
                  type="checkbox"
                  checked={ready && chosen.has(candidate.name)}
                  disabled={!ready}
                  onChange={(event) => onToggle(candidate.name, event.target.checked)}
                  aria-label={t('import.chooseOf', { name: candidate.name })}
                />
              </td>
              <th scope="row">{candidate.name}</th>
              <td>
                {t(`import.sources.${candidate.source}`)}
                <span className="cell-note import-origin">{candidate.origin}</span>
              </td>
              <td>{t(`provider.${candidate.provider}`)}</td>
              <td>
                <code>{candidate.accessKeyId ?? '—'}</code>
              </td>
              <td>
                {candidate.plan.kind === 'ready' ? (
                  `${candidate.plan.profile.bucket} · ${candidate.plan.profile.region}`
                ) : (
                  <span className="import-skip">{t('import.skip', { reason: candidate.plan.reason })}</span>
                )}
              </td>
              <td>{candidate.hasSessionToken ? t('import.stsYes') : t('import.stsNo')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
