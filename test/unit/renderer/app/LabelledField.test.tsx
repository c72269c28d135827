/**
 * The shared labelled field: the label names the control, the help and the problem describe it, a problem
 * marks it invalid, and checkboxes put their label after the box.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LabelledField } from '../../../../renderer/src/app/LabelledField.js';

/** The text that describes `control` (its `aria-describedby` elements, in order). */
function description(control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '');
  return ids.map((id) => document.getElementById(id)?.textContent ?? `<missing ${id}>`).join(' ');
}

describe('LabelledField', () => {
  it('names the control by its label and describes it by its help; valid while there is no problem', () => {
    render(
      <LabelledField id="bucket" label="Bucket" help="Where files go.">
        {(control) => <input {...control} />}
      </LabelledField>,
    );
    const input = screen.getByLabelText('Bucket');
    expect(description(input)).toBe('Where files go.');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByTestId('problem-bucket')).toBeNull();
  });

  it('shows a problem after the help, describes the control by both and marks it invalid', () => {
    render(
      <LabelledField id="bucket" label="Bucket" help="Where files go." problem="Use 3 to 63 characters.">
        {(control) => <input {...control} />}
      </LabelledField>,
    );
    const input = screen.getByLabelText('Bucket');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(description(input)).toBe('Where files go. Use 3 to 63 characters.');
    expect(screen.getByTestId('problem-bucket').getAttribute('role')).toBeNull();
  });

  it('announces the problem only when asked (fields that save as they change)', () => {
    render(
      <LabelledField id="parallel" label="Parallel files" problem="Choose 1 to 32." announceProblem>
        {(control) => <input {...control} />}
      </LabelledField>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Choose 1 to 32.');
    expect(description(screen.getByLabelText('Parallel files'))).toBe('Choose 1 to 32.');
  });

  it('puts a checkbox before its label in the check layout', () => {
    const { container } = render(
      <LabelledField id="notify" label="Notify when done" layout="check">
        {(control) => <input type="checkbox" {...control} />}
      </LabelledField>,
    );
    const check = container.querySelector('.form-check');
    expect(check?.firstElementChild).toBe(screen.getByRole('checkbox', { name: 'Notify when done' }));
    expect(check?.lastElementChild?.tagName).toBe('LABEL');
  });
});
