/**
 * What an upload link binds besides the key: the Content-Type the uploader must send (with common
 * types to pick from, and the type of the file name), no overwriting, the storage class, metadata, and
 * (OSS) an upload callback.
 */
import mime from 'mime/lite';
import { useTranslation } from 'react-i18next';
import { CallbackOptions } from './CallbackOptions.js';
import { describedBy, FieldProblem } from './FieldProblem.js';
import { fieldId } from './form-problems.js';
import type { FormSectionProps } from './form-section-props.js';
import { formKey } from './link-form-values.js';
import { MetadataRows } from './MetadataRows.js';

/** The types people most often hand out upload links for, offered as suggestions. */
const COMMON_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/pdf',
  'application/zip',
  'text/plain',
  'text/csv',
  'application/json',
  'video/mp4',
  'application/octet-stream',
] as const;

/** See the module comment. */
export function UploadOptions(props: FormSectionProps) {
  const { values, change, problems, limits } = props;
  const { t } = useTranslation('links');
  const name = formKey(values).split('/').pop() ?? '';
  const guess = name.includes('.') ? mime.getType(name) : null;
  return (
    <fieldset className="form-section" data-testid="upload-options">
      <legend>{t('form.uploadOptions')}</legend>
      <div className="form-field">
        <label htmlFor={fieldId('contentType')}>{t('form.contentType')}</label>
        <div className="links-inline">
          <input
            id={fieldId('contentType')}
            list="link-content-types"
            value={values.contentType}
            placeholder="image/png"
            spellCheck={false}
            autoCapitalize="none"
            onChange={(event) => change({ contentType: event.target.value })}
            {...describedBy('contentType', problems, 'link-content-type-hint')}
          />
          {guess !== null && guess !== values.contentType.trim() && (
            <button type="button" className="button" aria-label={t('form.contentTypeGuessLabel', { type: guess, name })} onClick={() => change({ contentType: guess })}>
              {t('form.contentTypeGuess', { type: guess })}
            </button>
          )}
        </div>
        <datalist id="link-content-types">
          {COMMON_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <FieldProblem field="contentType" problems={problems} />
        <p id="link-content-type-hint" className="help-text">
          {t('form.contentTypeHint')}
        </p>
      </div>
      <label className="form-check links-check">
        <input type="checkbox" checked={values.forbidOverwrite} onChange={(event) => change({ forbidOverwrite: event.target.checked })} /> {t('form.forbidOverwrite')}
      </label>
      {limits !== undefined && limits.storageClasses.length > 0 && (
        <div className="form-field">
          <label htmlFor="link-storage-class">{t('form.storageClass')}</label>
          <select id="link-storage-class" value={limits.storageClasses.includes(values.storageClass) ? values.storageClass : ''} onChange={(event) => change({ storageClass: event.target.value })}>
            <option value="">{t('form.storageClassDefault')}</option>
            {limits.storageClasses.map((storageClass) => (
              <option key={storageClass} value={storageClass}>
                {storageClass}
              </option>
            ))}
          </select>
        </div>
      )}
      <MetadataRows {...props} />
      {limits?.supportsCallback === true && <CallbackOptions {...props} />}
    </fieldset>
  );
}
