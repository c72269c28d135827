/**
 * The first part of the link form: which profile signs, what the recipient may do (upload or
 * download), and which object (a folder and a file name, or the whole key).
 */
import { useTranslation } from 'react-i18next';
import type { ProfileList } from '../../../../electron/shared/ipc/profile-types.js';
import { describedBy, FieldProblem } from './FieldProblem.js';
import { fieldId } from './form-problems.js';
import type { FormSectionProps } from './form-section-props.js';
import { formKey, type KeyMode } from './link-form-values.js';

/** The profiles to choose from (undefined while they load, or when they could not be read). */
export interface TargetFieldsProps extends FormSectionProps {
  readonly profiles: ProfileList | undefined;
  /** The user typed in the folder: changing the profile no longer replaces it with the profile's prefix. */
  readonly onPrefixTyped: () => void;
}

/** See the module comment. */
export function TargetFields({ values, change, problems, profiles, onPrefixTyped }: TargetFieldsProps) {
  const { t } = useTranslation('links');
  const key = formKey(values);
  return (
    <>
      {profiles !== undefined && (
        <div className="form-field">
          <label htmlFor="link-profile">{t('form.profile')}</label>
          <select id="link-profile" value={values.profile} onChange={(event) => change({ profile: event.target.value })} aria-describedby="link-profile-hint">
            {profiles.profiles.map((profile) => (
              <option key={profile.name} value={profile.name}>
                {profile.name === profiles.defaultProfile ? t('form.profileDefault', { name: profile.name }) : profile.name}
              </option>
            ))}
          </select>
          <p id="link-profile-hint" className="help-text">
            {t('form.profileHint')}
          </p>
        </div>
      )}

      <fieldset className="form-section links-choices">
        <legend>{t('form.method')}</legend>
        {(['PUT', 'GET'] as const).map((method) => (
          <label key={method} className={`links-choice ${values.method === method ? 'is-chosen' : ''}`}>
            <input type="radio" name="link-method" value={method} checked={values.method === method} onChange={() => change({ method })} />
            <span>
              <strong>{method === 'PUT' ? t('form.methodPut') : t('form.methodGet')}</strong>
              <span className="help-text">{method === 'PUT' ? t('form.methodPutHint') : t('form.methodGetHint')}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('form.keyMode')}</legend>
        <div className="links-inline">
          {(['name', 'key'] as const satisfies readonly KeyMode[]).map((mode) => (
            <label key={mode}>
              <input type="radio" name="link-key-mode" value={mode} checked={values.keyMode === mode} onChange={() => change({ keyMode: mode, ...(mode === 'key' && values.key === '' ? { key } : {}) })} />{' '}
              {mode === 'name' ? t('form.keyModeName') : t('form.keyModeKey')}
            </label>
          ))}
        </div>
        {values.keyMode === 'name' ? (
          <div className="links-row">
            <div className="form-field">
              <label htmlFor={fieldId('prefix')}>{t('form.prefix')}</label>
              <input
                id={fieldId('prefix')}
                value={values.prefix}
                spellCheck={false}
                onChange={(event) => {
                  onPrefixTyped();
                  change({ prefix: event.target.value });
                }}
                {...describedBy('prefix', problems, 'link-prefix-hint')}
              />
              <FieldProblem field="prefix" problems={problems} />
              <p id="link-prefix-hint" className="help-text">
                {t('form.prefixHint')}
              </p>
            </div>
            <div className="form-field">
              <label htmlFor={fieldId('fileName')}>{t('form.fileName')}</label>
              <input id={fieldId('fileName')} value={values.fileName} spellCheck={false} onChange={(event) => change({ fileName: event.target.value })} {...describedBy('fileName', problems, 'link-file-name-hint')} />
              <FieldProblem field="fileName" problems={problems} />
              <p id="link-file-name-hint" className="help-text">
                {t('form.fileNameHint')}
              </p>
            </div>
          </div>
        ) : (
          <div className="form-field">
            <label htmlFor={fieldId('key')}>{t('form.key')}</label>
            <input id={fieldId('key')} value={values.key} spellCheck={false} onChange={(event) => change({ key: event.target.value })} {...describedBy('key', problems, 'link-key-hint')} />
            <FieldProblem field="key" problems={problems} />
            <p id="link-key-hint" className="help-text">
              {t('form.keyHint')}
            </p>
          </div>
        )}
        {values.keyMode === 'name' && values.fileName !== '' && (
          <p className="help-text" data-testid="key-preview">
            {t('form.keyPreview', { key })}
          </p>
        )}
      </fieldset>
    </>
  );
}
