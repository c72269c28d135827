/**
 * A field of the profile form: the shared labelled field, with "required" or "optional" after the label and
 * the form's own check (or the host's message) as the problem.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LabelledField, type FieldControlProps } from '../../app/LabelledField.js';
import type { FieldProblem, ValidationKey } from './field-problem.js';
import { valuesT } from './values-t.js';
import './profile-form.css';

export type { FieldControlProps };

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
  const text = problem === undefined ? hostMessage : valuesT<`validation.${ValidationKey}`>(t)(`validation.${problem.key}`, problem.values);
  const fullLabel = (
    <>
      {label}
      {need !== undefined && <span className="field-need"> ({t(need === 'required' ? 'editor.required' : 'editor.optional')})</span>}
    </>
  );
  return (
    <LabelledField id={id} label={fullLabel} help={help} problem={text}>
      {children}
    </LabelledField>
  );
}
