/**
 * A text input that commits when the user is done with it: on leaving the field or pressing Enter, not
 * on every key (a half-typed number must not be saved). Shows the saved value again whenever it
 * changes from outside (the host's answer, another window).
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import type { SettingControlProps } from './SettingField.js';

/** What the input shows and tells. */
export interface CommitInputProps {
  readonly control: SettingControlProps;
  /** The saved value, as text. */
  readonly value: string;
  /** Called with the text typed when it differs from the saved value. */
  readonly onCommit: (text: string) => void;
  /** Called while typing, so a stale objection can be dropped. */
  readonly onEdit?: () => void;
  readonly inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly disabled?: boolean;
}

/** The input. */
export function CommitInput({ control, value, onCommit, onEdit, inputMode, placeholder, maxLength, disabled }: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      {...control}
      type="text"
      inputMode={inputMode}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        onEdit?.();
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        commit();
      }}
      placeholder={placeholder}
      maxLength={maxLength}
      disabled={disabled}
      spellCheck={false}
      autoComplete="off"
      data-testid={`input-${control.id}`}
    />
  );
}
