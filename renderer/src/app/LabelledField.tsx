/**
 * One labelled field, as every form of the app lays it out: the label, the control, its help text and what
 * is wrong with it, tied together for assistive technology (`aria-describedby`, `aria-invalid`). The
 * screens decide the words (profiles add "required", settings show the host's refusal); this decides the
 * structure.
 */
import type { ReactNode } from 'react';

/** What the control must carry to be described by the help and the problem. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-describedby': string;
  readonly 'aria-invalid': boolean;
}

/** What the field shows. */
export interface LabelledFieldProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly help?: string | undefined;
  /** What is wrong, in words; undefined when nothing is. */
  readonly problem?: string | undefined;
  /** `check`: the label follows the control, on its line (checkboxes). */
  readonly layout?: 'stacked' | 'check';
  /** Announce the problem when it appears (`role="alert"`): for fields that save as they change. */
  readonly announceProblem?: boolean;
  readonly children: (control: FieldControlProps) => ReactNode;
}

/** The field. */
export function LabelledField({ id, label, help, problem, layout = 'stacked', announceProblem = false, children }: LabelledFieldProps) {
  const invalid = problem !== undefined;
  const describedBy = [help === undefined ? undefined : `${id}-help`, invalid ? `${id}-problem` : undefined].filter((part) => part !== undefined).join(' ');
  const control = children({ id, 'aria-describedby': describedBy, 'aria-invalid': invalid });
  return (
    <div className="form-field" data-field={id}>
      {layout === 'check' ? (
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
        <p className="form-problem" id={`${id}-problem`} data-testid={`problem-${id}`} {...(announceProblem ? { role: 'alert' } : {})}>
          {problem}
        </p>
      )}
    </div>
  );
}
