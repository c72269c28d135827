/**
 * A write-only secret field: a password input with a "Show" toggle (pressed: shown) for checking what was
 * typed. It is never filled from the host (nothing ever sends a secret back), and browsers are asked not
 * to remember it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldControlProps } from './FormField.js';
import './profile-form.css';

/** The input. */
export function SecretInput({ control, value, onChange, onBlur, maxLength }: { readonly control: FieldControlProps; readonly value: string; readonly onChange: (value: string) => void; readonly onBlur: () => void; readonly maxLength: number }) {
  const { t } = useTranslation('profiles');
  const [shown, setShown] = useState(false);
  // Shown only while there is something typed: a cleared field (after saving) is hidden again.
  const visible = shown && value !== '';
  return (
    <span className="secret-input">
      <input
        {...control}
        type={visible ? 'text' : 'password'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        autoComplete="new-password"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        maxLength={maxLength}
        data-testid={`input-${control.id}`}
      />
      <button
        type="button"
        className="button"
        aria-pressed={visible}
        aria-label={t('editor.secret.showLabel')}
        aria-controls={control.id}
        onClick={() => setShown(!visible)}
        disabled={value === ''}
      >
        {t('editor.secret.show')}
      </button>
    </span>
  );
}
