/**
 * Picks how long a link stays valid: a preset, or "Custom…" with an amount and a unit. A preset is taken
 * at once; a custom amount when the field is left or Enter is pressed (Enter does not submit the form
 * around it), and `onCommit(undefined)` says the amount typed is not a usable validity. The select
 * carries `id`, so an outer `<label htmlFor>` names the picker.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRY_PRESETS, EXPIRY_UNITS, customOf, isPreset, secondsOf, type ExpiryUnit } from './expiry-choice.js';
import './settings.css';

/** What the picker shows and tells. */
export interface ExpiryPickerProps {
  readonly id: string;
  /** The current validity in seconds; undefined while a custom amount typed is not usable. */
  readonly seconds: number | undefined;
  readonly onCommit: (seconds: number | undefined) => void;
  readonly describedBy?: string | undefined;
  readonly invalid?: boolean | undefined;
  readonly disabled?: boolean | undefined;
}

type Mode = { readonly kind: 'preset' } | { readonly kind: 'custom'; readonly amount: string; readonly unit: ExpiryUnit };

function modeOf(seconds: number | undefined): Mode {
  return seconds !== undefined && isPreset(seconds) ? { kind: 'preset' } : { kind: 'custom', ...customOf(seconds ?? 3600) };
}

/** The picker. */
export function ExpiryPicker({ id, seconds, onCommit, describedBy, invalid, disabled }: ExpiryPickerProps) {
  const { t } = useTranslation('settings');
  const [mode, setMode] = useState<Mode>(() => modeOf(seconds));
  // A new value from outside (the host's answer, another form) replaces what is shown, unless it is what
  // the custom amount already says.
  useEffect(() => {
    if (seconds === undefined) return;
    setMode((current) => (current.kind === 'custom' && secondsOf(current.amount, current.unit) === seconds ? current : modeOf(seconds)));
  }, [seconds]);

  const commitCustom = (amount: string, unit: ExpiryUnit) => onCommit(secondsOf(amount, unit));
  const onSelect = (value: string) => {
    if (value === 'custom') {
      setMode({ kind: 'custom', ...customOf(seconds ?? 3600) });
      return;
    }
    setMode({ kind: 'preset' });
    onCommit(Number(value));
  };
  const onAmountKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || mode.kind !== 'custom') return;
    event.preventDefault();
    commitCustom(mode.amount, mode.unit);
  };

  return (
    <span className="expiry-picker">
      <select
        id={id}
        value={mode.kind === 'preset' && seconds !== undefined ? String(seconds) : 'custom'}
        onChange={(event) => onSelect(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        disabled={disabled}
        data-testid={`select-${id}`}
      >
        {EXPIRY_PRESETS.map((preset) => (
          <option key={preset} value={String(preset)}>
            {t(`expiry.presets.${preset}`)}
          </option>
        ))}
        <option value="custom">{t('expiry.custom')}</option>
      </select>
      {mode.kind === 'custom' && (
        <>
          <input
            type="text"
            inputMode="decimal"
            className="expiry-amount"
            aria-label={t('expiry.amount')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={mode.amount}
            onChange={(event) => setMode({ ...mode, amount: event.target.value })}
            onBlur={() => commitCustom(mode.amount, mode.unit)}
            onKeyDown={onAmountKey}
            disabled={disabled}
            data-testid={`amount-${id}`}
          />
          <select
            aria-label={t('expiry.unit')}
            value={mode.unit}
            onChange={(event) => {
              const unit = event.target.value as ExpiryUnit;
              setMode({ ...mode, unit });
              commitCustom(mode.amount, unit);
            }}
            disabled={disabled}
            data-testid={`unit-${id}`}
          >
            {(Object.keys(EXPIRY_UNITS) as ExpiryUnit[]).map((unit) => (
              <option key={unit} value={unit}>
                {t(`expiry.units.${unit}`)}
              </option>
            ))}
          </select>
        </>
      )}
    </span>
  );
}
