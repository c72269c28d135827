/**
 * One setting: its label, the control, help text and what is wrong (the screen's own check, or the
 * host's refusal with its hint), tied together for assistive technology.
 */
import type { ReactNode } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import './settings.css';

/** What the control must carry. */
export interface SettingControlProps {
  readonly id: string;
  readonly 'aria-describedby': string;
  readonly 'aria-invalid': boolean;
}

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
  readonly children: (control: SettingControlProps) => ReactNode;
}

/** The field. */
export function SettingField({ id, label, help, problem, hostError, inline = false, children }: SettingFieldProps) {
  const invalid = problem !== undefined || hostError !== undefined;
  const describedBy = [help === undefined ? undefined : `${id}-help`, invalid ? `${id}-problem` : undefined].filter((part) => part !== undefined).join(' ');
  const control = children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid });
  return (
    <div className="form-field" data-setting={id}>
      {inline ? (
        <span className="form-check">
          {control}
          <label htmlFor={id}>{label}</label>
        </span>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {control}
        </>
      )}
      {help !== undefined && (
        <p className="help-text" id={`${id}-help`}>
          {help}
        </p>
      )}
      {invalid && (
        <p className="form-problem" id={`${id}-problem`} role="alert" data-testid={`problem-${id}`}>
          {problem ?? `${hostError?.message ?? ''} ${hostError?.hint ?? ''}`.trim()}
        </p>
      )}
    </div>
  );
}
