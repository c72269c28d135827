/**
 * A link just made: the URL to copy, when it expires (live), the headers the recipient must send,
 * warnings, snippets to paste, a QR code, and for an upload link its drop page to save; then make another
 * (same form), inspect it, or see all issued links.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LinkResult } from '../../../../electron/shared/ipc/link-types.js';
import { ROUTES } from '../../app/routes.js';
import { CopyButton } from '../../app/CopyButton.js';
import { DropPageSection } from './DropPageSection.js';
import { ExpiryCountdown } from './ExpiryCountdown.js';
import { HeadersTable } from './HeadersTable.js';
import { LinkWarnings } from './LinkWarnings.js';
import { QrCode } from './QrCode.js';
import { SnippetTabs } from './SnippetTabs.js';
import { useOpenInspector } from './use-open-inspector.js';
import './links-common.css';
import './link-result.css';

/** The result and what to do next. */
export function LinkResultView({ result, onMakeAnother }: { readonly result: LinkResult; readonly onMakeAnother: () => void }) {
  const { t } = useTranslation('links');
  const openInspector = useOpenInspector();
  const heading = useRef<HTMLHeadingElement>(null);
  // The result replaces the form: move focus to its heading so keyboard and screen reader users land on it.
  useEffect(() => heading.current?.focus(), [result]);
  return (
    <section className="links-result" aria-labelledby="link-result-title" data-testid="link-result" data-method={result.method}>
      <h2 id="link-result-title" ref={heading} tabIndex={-1}>
        {result.method === 'PUT' ? t('result.titlePut') : t('result.titleGet')}
      </h2>
      <p className="help-text">{t('result.summary', { key: result.key, bucket: result.bucket, profile: result.profile })}</p>
      <div className="form-field">
        <label htmlFor="link-result-url">{t('result.url')}</label>
        <div className="links-inline links-url-row">
          <input id="link-result-url" className="links-url" readOnly value={result.url} onFocus={(event) => event.currentTarget.select()} data-testid="link-url" />
          <CopyButton text={result.url} label={t('result.copyUrl')} testId="copy-url" className="button" />
        </div>
      </div>
      <ExpiryCountdown expiresAt={result.expiresAt} />
      <LinkWarnings warnings={result.warnings} />
      <div className="links-result-columns">
        <div>
          <section aria-labelledby="link-headers-title">
            <h2 id="link-headers-title">{t('result.headers')}</h2>
            <HeadersTable headers={result.headers} />
          </section>
          <section aria-labelledby="link-snippets-title">
            <h2 id="link-snippets-title">{t('result.snippets')}</h2>
            <SnippetTabs snippets={result.snippets} />
          </section>
          {result.method === 'PUT' && <DropPageSection id={result.id} profile={result.profile} />}
        </div>
        <section aria-labelledby="link-qr-title" className="links-qr-box">
          <h2 id="link-qr-title">{t('result.qr')}</h2>
          <QrCode text={result.url} />
        </section>
      </div>
      <div className="button-row links-actions">
        <button type="button" className="button button-primary" onClick={onMakeAnother} data-testid="make-another">
          {t('result.makeAnother')}
        </button>
        <button type="button" className="button" onClick={() => openInspector(result.url)}>
          {t('result.inspect')}
        </button>
        <Link href={ROUTES.links} className="button">
          {t('result.issued')}
        </Link>
      </div>
    </section>
  );
}
