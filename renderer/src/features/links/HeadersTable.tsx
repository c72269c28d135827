/**
 * The headers a link's recipient must send, exactly as signed: one row each, each copyable as a
 * `Name: value` line.
 */
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../app/CopyButton.js';

/** The table of `headers` (lower-case names → values). */
export function HeadersTable({ headers }: { readonly headers: Readonly<Record<string, string>> }) {
  const { t } = useTranslation('links');
  const entries = Object.entries(headers);
  if (entries.length === 0) return <p className="help-text" data-testid="no-headers">{t('result.noHeaders')}</p>;
  return (
    <>
      <p className="help-text">{t('result.headersIntro')}</p>
      <table className="data-table" data-testid="link-headers">
        <thead>
          <tr>
            <th scope="col">{t('result.headerName')}</th>
            <th scope="col">{t('result.headerValue')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('actions.copy', { ns: 'common' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([name, value]) => (
            <tr key={name} data-testid="link-header" data-name={name}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                <code data-testid="header-value">{value}</code>
              </td>
              <td>
                <CopyButton text={`${name}: ${value}`} label={t('result.copyHeader', { name })} className="button" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
