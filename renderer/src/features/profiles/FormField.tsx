/**
 * One labelled form field: the label (with "required" or "optional"), the control, its help text and its
 * problem, tied together for assistive technology (`aria-describedby`, `aria-invalid`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem, ValidationKey } from './field-problem.js';
import { valuesT } from './values-t.js';
import './profile-form.css';

/** What the control must carry to be described by the help and the problem. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-describedby': string;
  readonly 'aria-invalid': boolean;
}

/** What a field shows. */
export interface FormFieldProps {
  readonly id: string;
  readonly label: string;
  readonly help?: string | undefined;
  readonly problem?: FieldProblem | undefined;
  /** A problem the host reported for this field, shown as it said it. */
  readonly hostMessage?: string | undefined;
  readonly need?: 'required' | 'optional' | undefined;
  readonly children: (control: FieldControlProps) => ReactNode;
}

/** The field. */
export function FormField({ id, label, help, problem, hostMessage, need, children }: FormFieldProps) {
  const { t } = useTranslation('profiles');
  const invalid = problem !== undefined || hostMessage !== undefined;
  const describedBy = [help === undefined ? undefined : `${id}-help`, invalid ? `${id}-problem` : undefined].filter((part) => part !== undefined).join(' ');
  return (
    <div className="form-field" data-field={id}>
      <label htmlFor={id}>
        {label}
        {need !== undefined && <span className="field-need"> ({t(need === 'required' ? 'editor.required' : 'editor.optional')})</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid })}
      {help !== undefined && (
        <p className="help-text" id={`${id}-help`}>
          {help}
        </p>
      )}
      {invalid && (
        <p className="form-problem" id={`${id}-problem`} data-testid={`problem-${id}`}>
          {problem === undefined ? hostMessage : valuesT<`validation.${ValidationKey}`>(t)(`validation.${problem.key}`, problem.values)}
        </p>
      )}
    </div>
  );
}
