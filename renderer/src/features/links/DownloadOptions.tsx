/**
 * What a download link can ask for: a version of a versioned object, OSS image or document processing
 * (with a thumbnail preset), and the file name the browser saves it as.
 */
import { useTranslation } from 'react-i18next';
import { describedBy, FieldProblem } from './FieldProblem.js';
import { fieldId } from './form-problems.js';
import type { FormSectionProps } from './form-section-props.js';
import { THUMBNAIL_PROCESS } from './link-form-values.js';

/** See the module comment. */
export function DownloadOptions({ values, change, problems, limits }: FormSectionProps) {
  const { t } = useTranslation('links');
  return (
    <fieldset className="form-section" data-testid="download-options">
      <legend>{t('form.downloadOptions')}</legend>
      <div className="form-field">
        <label htmlFor={fieldId('versionId')}>{t('form.versionId')}</label>
        <input id={fieldId('versionId')} value={values.versionId} spellCheck={false} onChange={(event) => change({ versionId: event.target.value })} {...describedBy('versionId', problems, 'link-version-hint')} />
        <FieldProblem field="versionId" problems={problems} />
        <p id="link-version-hint" className="help-text">
          {t('form.versionIdHint')}
        </p>
      </div>
      {limits?.supportsProcess === true && (
        <div className="form-field">
          <label htmlFor={fieldId('process')}>{t('form.process')}</label>
          <div className="links-inline">
            <input id={fieldId('process')} value={values.process} placeholder={THUMBNAIL_PROCESS} spellCheck={false} onChange={(event) => change({ process: event.target.value })} {...describedBy('process', problems, 'link-process-hint')} />
            <button type="button" className="button" onClick={() => change({ process: THUMBNAIL_PROCESS })}>
              {t('form.processThumbnail')}
            </button>
          </div>
          <FieldProblem field="process" problems={problems} />
          <p id="link-process-hint" className="help-text">
            {t('form.processHint')}
          </p>
        </div>
      )}
      <div className="form-field">
        <label htmlFor={fieldId('downloadName')}>{t('form.downloadName')}</label>
        <input id={fieldId('downloadName')} value={values.downloadName} placeholder="report.pdf" onChange={(event) => change({ downloadName: event.target.value })} {...describedBy('downloadName', problems, 'link-download-name-hint')} />
        <FieldProblem field="downloadName" problems={problems} />
        <p id="link-download-name-hint" className="help-text">
          {t('form.downloadNameHint')}
        </p>
      </div>
    </fieldset>
  );
}
