/**
 * How long the link works: presets (15 min, 1 hour, 1 day, 7 days) or a custom amount, capped by the
 * profile (`maxExpirySeconds`). When the cap rules out a choice, its reason stands next to the control;
 * a profile whose temporary token has expired is a blocking problem.
 */
import { useTranslation } from 'react-i18next';
import { useDurationText } from './duration-parts.js';
import { asCustom, EXPIRY_PRESETS, EXPIRY_UNITS, expirySeconds, type ExpiryUnit } from './expiry-choice.js';
import { describedBy, FieldProblem } from './FieldProblem.js';
import { fieldId, problemId } from './form-problems.js';
import type { FormSectionProps } from './form-section-props.js';

/** The id of the note saying where the cap is and why. */
const CAP_NOTE_ID = 'link-expiry-cap';

/** Why an hour: what Custom starts from when the amount typed so far means nothing. */
const DEFAULT_CUSTOM_SECONDS = 3600;

/** See the module comment. */
export function ExpiryField({ values, change, problems, limits }: FormSectionProps) {
  const { t } = useTranslation('links');
  const duration = useDurationText();
  const { expiry } = values;
  const max = limits?.maxExpirySeconds;
  const tokenExpired = limits?.cap.kind === 'token-expired';
  const chosen = expirySeconds(expiry);
  const presetCut = max !== undefined && EXPIRY_PRESETS.some((preset) => preset.seconds > max);
  const showCap = limits !== undefined && !tokenExpired && (presetCut || (chosen !== undefined && max !== undefined && chosen > max));
  const custom = expiry.kind === 'custom' ? expiry : undefined;
  const problem = problems.has('expiry') ? [problemId('expiry')] : [];
  const groupDescription = [...problem, ...(showCap ? [CAP_NOTE_ID] : [])].join(' ');
  return (
    <fieldset className="form-section" aria-describedby={groupDescription === '' ? undefined : groupDescription} data-testid="expiry">
      <legend>{t('form.expiry')}</legend>
      {tokenExpired && (
        <div className="callout callout-danger" role="alert" data-testid="token-expired">
          <p>{t('problems.tokenExpired')}</p>
          <p className="help-text">{limits.capReason}</p>
        </div>
      )}
      <div className="links-inline links-presets">
        {EXPIRY_PRESETS.map((preset) => (
          <label key={preset.seconds} className={max !== undefined && preset.seconds > max ? 'is-disabled' : ''}>
            <input
              type="radio"
              name="link-expiry"
              value={preset.seconds}
              checked={expiry.kind === 'preset' && expiry.seconds === preset.seconds}
              disabled={tokenExpired || (max !== undefined && preset.seconds > max)}
              onChange={() => change({ expiry: { kind: 'preset', seconds: preset.seconds } })}
            />{' '}
            {t(`form.presets.${preset.label}`)}
          </label>
        ))}
        <label>
          <input
            type="radio"
            name="link-expiry"
            value="custom"
            checked={expiry.kind === 'custom'}
            disabled={tokenExpired}
            onChange={() => change({ expiry: asCustom(chosen ?? DEFAULT_CUSTOM_SECONDS) })}
          />{' '}
          {t('form.expiryCustom')}
        </label>
      </div>
      {custom !== undefined && (
        <div className="links-inline">
          <label htmlFor={fieldId('expiry')} className="visually-hidden">
            {t('form.expiryAmount')}
          </label>
          <input
            id={fieldId('expiry')}
            className="links-amount"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={custom.amount}
            onChange={(event) => change({ expiry: { ...custom, amount: event.target.value } })}
            {...describedBy('expiry', problems, ...(showCap ? [CAP_NOTE_ID] : []))}
          />
          <label htmlFor="link-expiry-unit" className="visually-hidden">
            {t('form.expiryUnit')}
          </label>
          <select id="link-expiry-unit" value={custom.unit} onChange={(event) => change({ expiry: { ...custom, unit: event.target.value as ExpiryUnit } })}>
            {EXPIRY_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {t(`form.units.${unit}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!tokenExpired && <FieldProblem field="expiry" problems={problems} />}
      {showCap && max !== undefined && (
        <p id={CAP_NOTE_ID} className="links-cap" data-testid="expiry-cap">
          {limits.capReason} {t('form.capAt', { duration: duration(max) })}
        </p>
      )}
    </fieldset>
  );
}
