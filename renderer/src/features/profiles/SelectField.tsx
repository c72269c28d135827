/**
 * A choice of the profile form bound to one draft field: label, help, problem and a `<select>` of the
 * given options. Changing it may change other fields too (`onPick`), as the provider does.
 */
import { controlId, type EditorBinding } from './editor-binding.js';
import { FormField } from './FormField.js';
import type { DraftField } from './profile-draft.js';

/** The draft fields that are choices. */
type ChoiceDraftField = 'provider' | 'scheme' | 'endpointKind' | 'style' | 'secretStore';

/** What the field shows. */
export interface SelectFieldProps<F extends ChoiceDraftField> {
  readonly binding: EditorBinding;
  readonly field: F;
  readonly label: string;
  readonly help?: string | undefined;
  readonly options: readonly { readonly value: EditorBinding['draft'][F]; readonly label: string }[];
  /** What choosing `value` does; by default it sets the field. */
  readonly onPick?: (value: EditorBinding['draft'][F]) => void;
}

/** The field. */
export function SelectField<F extends ChoiceDraftField>({ binding, field, label, help, options, onPick }: SelectFieldProps<F>) {
  const pick = (value: string) => {
    const option = options.find((candidate) => candidate.value === value);
    if (option === undefined) return;
    if (onPick === undefined) binding.change({ [field]: option.value });
    else onPick(option.value);
    binding.touch(field as DraftField);
  };
  return (
    <FormField id={controlId(field)} label={label} help={help} problem={binding.problemOf(field)} hostMessage={binding.hostMessageOf(field)}>
      {(control) => (
        <select {...control} value={binding.draft[field]} onChange={(event) => pick(event.target.value)} disabled={binding.readOnly} data-testid={`input-${control.id}`}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
