/**
 * The OSS upload callback of an upload link (advanced, folded away): the URL OSS calls after the
 * upload, the body it sends (prefilled with OSS's variables), its encoding and an optional Host header.
 * No URL, no callback.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALLBACK_BODY_TYPES } from '../../../../electron/shared/ipc/link-types.js';
import { describedBy, FieldProblem } from './FieldProblem.js';
import { fieldId } from './form-problems.js';
import type { FormSectionProps } from './form-section-props.js';
import { CALLBACK_BODY_TEMPLATES, type CallbackBodyType } from './link-form-values.js';

/** See the module comment. */
export function CallbackOptions({ values, change, problems }: FormSectionProps) {
  const { t } = useTranslation('links');
  const hasProblem = problems.has('callbackUrl') || problems.has('callbackBody') || problems.has('callbackHost');
  const [open, setOpen] = useState(values.callbackUrl !== '');
  // Opens by itself when it holds a problem, so no message is hidden; otherwise the user opens and closes it.
  useEffect(() => {
    if (hasProblem) setOpen(true);
  }, [hasProblem]);
  const changeBodyType = (bodyType: CallbackBodyType) => {
    // A body still equal to the other encoding's template follows the encoding; a body the user wrote stays.
    const untouched = values.callbackBody === CALLBACK_BODY_TEMPLATES[values.callbackBodyType];
    change({ callbackBodyType: bodyType, ...(untouched ? { callbackBody: CALLBACK_BODY_TEMPLATES[bodyType] } : {}) });
  };
  return (
    <details className="links-details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="callback">
      <summary>{t('form.callback')}</summary>
      <p className="help-text">{t('form.callbackIntro')}</p>
      <div className="form-field">
        <label htmlFor={fieldId('callbackUrl')}>{t('form.callbackUrl')}</label>
        <input id={fieldId('callbackUrl')} type="url" value={values.callbackUrl} placeholder="https://example.com/oss-callback" spellCheck={false} onChange={(event) => change({ callbackUrl: event.target.value })} {...describedBy('callbackUrl', problems, 'link-callback-url-hint')} />
        <FieldProblem field="callbackUrl" problems={problems} />
        <p id="link-callback-url-hint" className="help-text">
          {t('form.callbackUrlHint')}
        </p>
      </div>
      <div className="form-field">
        <label htmlFor={fieldId('callbackBody')}>{t('form.callbackBody')}</label>
        <textarea id={fieldId('callbackBody')} rows={3} value={values.callbackBody} spellCheck={false} onChange={(event) => change({ callbackBody: event.target.value })} {...describedBy('callbackBody', problems)} />
        <FieldProblem field="callbackBody" problems={problems} />
      </div>
      <div className="links-row">
        <div className="form-field">
          <label htmlFor="link-callback-body-type">{t('form.callbackBodyType')}</label>
          <select id="link-callback-body-type" value={values.callbackBodyType} onChange={(event) => changeBodyType(event.target.value as CallbackBodyType)}>
            {CALLBACK_BODY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={fieldId('callbackHost')}>{t('form.callbackHost')}</label>
          <input id={fieldId('callbackHost')} value={values.callbackHost} spellCheck={false} onChange={(event) => change({ callbackHost: event.target.value })} {...describedBy('callbackHost', problems)} />
          <FieldProblem field="callbackHost" problems={problems} />
        </div>
      </div>
    </details>
  );
}
