/**
 * A one-line text field of the profile form bound to one draft field: label, help, problem, and the
 * input (no spell checking or auto-capitalisation: these are ids, names and addresses).
 */
import type { DraftField } from './profile-draft.js';
import { controlId, type EditorBinding } from './editor-binding.js';
import { FormField } from './FormField.js';

/** The draft fields that hold plain text. */
type TextDraftField = Exclude<DraftField, 'provider' | 'scheme' | 'endpointKind' | 'style' | 'linkExpirySeconds' | 'secretStore'>;

/** What the field shows. */
export interface TextFieldProps {
  readonly binding: EditorBinding;
  readonly field: TextDraftField;
  readonly label: string;
  readonly help?: string | undefined;
  readonly need?: 'required' | 'optional';
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly readOnly?: boolean;
  readonly type?: 'text' | 'datetime-local';
}

/** The field. */
export function TextField({ binding, field, label, help, need, placeholder, maxLength, readOnly, type = 'text' }: TextFieldProps) {
  return (
    <FormField id={controlId(field)} label={label} help={help} need={need} problem={binding.problemOf(field)} hostMessage={binding.hostMessageOf(field)}>
      {(control) => (
        <input
          {...control}
          type={type}
          value={binding.draft[field]}
          onChange={(event) => binding.change({ [field]: event.target.value })}
          onBlur={() => binding.touch(field)}
          placeholder={placeholder}
          maxLength={maxLength}
          readOnly={readOnly === true || binding.readOnly}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          autoComplete="off"
          data-testid={`input-${control.id}`}
        />
      )}
    </FormField>
  );
}
