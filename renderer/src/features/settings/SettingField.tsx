/**
 * One setting: the shared labelled field, with the screen's own objection or the host's refusal (and its
 * hint) as the problem, announced as it appears since settings save as they change.
 */
import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { LabelledField, type FieldControlProps } from '../../app/LabelledField.js';
import './settings.css';

export type { FieldControlProps as SettingControlProps };

/** What the field shows. */
export interface SettingFieldProps {
  readonly id: string;
  readonly label: string;
  readonly help?: string | undefined;
  /** The screen's own objection to what was typed. */
  readonly problem?: string | undefined;
  readonly hostError?: ErrorInfo | undefined;
  /** Checkboxes put their label after the box. */
  readonly inline?: boolean;
  readonly children: (control: FieldControlProps) => ReactNode;
}

/** The field. */
export function SettingField({ id, label, help, problem, hostError, inline = false, children }: SettingFieldProps) {
  const hostText = hostError === undefined ? undefined : `${hostError.message} ${hostError.hint}`.trim();
  return (
    <LabelledField id={id} label={label} help={help} problem={problem ?? hostText} layout={inline ? 'check' : 'stacked'} announceProblem>
      {children}
    </LabelledField>
  );
}
