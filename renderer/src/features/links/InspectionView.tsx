/**
 * What an inspected link says about itself: first, when a server answer was given, what that answer
 * means; then the verdict on its signature; then bucket, key, scheme, times (with a live countdown),
 * signed headers and parameters, and whether an STS token is in it.
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkInspection } from '../../../../electron/shared/ipc/link-types.js';
import { visibleLine } from '../../../../electron/shared/visible-text.js';
import { ExpiryCountdown } from './ExpiryCountdown.js';
import { formatDateTime } from './format-time.js';
import { VerificationNote } from './VerificationNote.js';
import './links-common.css';
import './inspect.css';

/** The inspection; `heading` gets its first heading, which takes the focus when it arrives. */
export function InspectionView({ inspection, heading }: { readonly inspection: LinkInspection; readonly heading: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation('links');
  const { answer } = inspection;
  return (
    <div className="links-inspection" data-testid="inspection">
      {answer !== undefined && (
        <section className="links-answer" aria-labelledby="inspect-answer-title" data-testid="inspect-answer" data-code={answer.code}>
          <h2 id="inspect-answer-title" ref={heading} tabIndex={-1}>
            {t('inspect.explained')}
          </h2>
          <p className="links-answer-message">{answer.message}</p>
          {answer.hint !== '' && <p>{answer.hint}</p>}
        </section>
      )}
      <section aria-labelledby="inspect-details-title">
        <h2 id="inspect-details-title" ref={answer === undefined ? heading : undefined} tabIndex={-1}>
          {t('inspect.details')}
        </h2>
        <h3>{t('inspect.verification')}</h3>
        <VerificationNote verification={inspection.verification} />
        {inspection.issuedLinkId !== undefined && <p className="help-text">{t('inspect.issued')}</p>}
        <dl className="links-facts">
          <dt>{t('inspect.bucket')}</dt>
          <dd data-testid="inspect-bucket">{inspection.bucket ?? t('inspect.bucketUnknown')}</dd>
          <dt>{t('inspect.key')}</dt>
          <dd>
            <code data-testid="inspect-key">{visibleLine(inspection.key)}</code>
          </dd>
          <dt>{t('inspect.host')}</dt>
          <dd>{inspection.host}</dd>
          <dt>{t('inspect.scheme')}</dt>
          <dd>{inspection.scheme}</dd>
          {inspection.region !== undefined && (
            <>
              <dt>{t('inspect.region')}</dt>
              <dd>{inspection.region}</dd>
            </>
          )}
          <dt>{t('inspect.accessKeyId')}</dt>
          <dd>
            <code>{inspection.accessKeyId}</code>
          </dd>
          <dt>{t('inspect.signedAt')}</dt>
          <dd>{inspection.signedAt === undefined ? t('inspect.signedAtUnknown') : <time dateTime={inspection.signedAt}>{formatDateTime(inspection.signedAt)}</time>}</dd>
          <dt>{t('inspect.expiresAt')}</dt>
          <dd>
            <ExpiryCountdown expiresAt={inspection.expiresAt} />
          </dd>
          <dt>{t('inspect.token')}</dt>
          <dd data-testid="inspect-token">{inspection.hasSecurityToken ? t('inspect.tokenYes') : t('inspect.tokenNo')}</dd>
        </dl>
        <h3>{t('inspect.signedHeaders')}</h3>
        {inspection.signedHeaders.length === 0 ? (
          <p className="help-text">{t('inspect.signedHeadersNone')}</p>
        ) : (
          <>
            <ul className="links-chips" data-testid="inspect-signed-headers">
              {inspection.signedHeaders.map((name) => (
                <li key={name}>
                  <code>{name}</code>
                </li>
              ))}
            </ul>
            <p className="help-text">{t('inspect.signedHeadersHint')}</p>
          </>
        )}
        {inspection.parameters.length > 0 && (
          <>
            <h3>{t('inspect.parameters')}</h3>
            <table className="data-table" data-testid="inspect-parameters">
              <thead>
                <tr>
                  <th scope="col">{t('inspect.parameterName')}</th>
                  <th scope="col">{t('inspect.parameterValue')}</th>
                </tr>
              </thead>
              <tbody>
                {inspection.parameters.map((parameter) => (
                  <tr key={`${parameter.name}=${parameter.value}`}>
                    <th scope="row">
                      <code>{parameter.name}</code>
                    </th>
                    <td>
                      <code>{parameter.value}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
