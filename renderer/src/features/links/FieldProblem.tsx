/**
 * A field's problem, in words, right under the field: the control names it in `aria-describedby` (see
 * {@link describedBy}) and marks itself `aria-invalid`.
 */
import { useTranslation } from 'react-i18next';
import { useDurationText } from './duration-parts.js';
import { problemId, type FormField, type FormProblem, type FormProblems } from './form-problems.js';

/** The words of `problem`. */
export function useProblemText(): (problem: FormProblem) => string {
  const { t } = useTranslation('links');
  const duration = useDurationText();
  return (problem) => {
    switch (problem.code) {
      case 'keyTooLong':
        return t('problems.keyTooLong', { bytes: problem.bytes });
      case 'expiryOverCap':
        return t('problems.expiryOverCap', { duration: duration(problem.maxSeconds) });
      case 'tooLong':
        return t('problems.tooLong', { max: problem.max });
      default:
        return t(`problems.${problem.code}`);
    }
  };
}

/** The ARIA attributes of a control: its problem (when it has one) and hint ids it is described by. */
export function describedBy(field: FormField, problems: FormProblems, ...hintIds: readonly string[]): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const ids = [...(problems.has(field) ? [problemId(field)] : []), ...hintIds];
  return {
    ...(problems.has(field) ? { 'aria-invalid': true as const } : {}),
    ...(ids.length === 0 ? {} : { 'aria-describedby': ids.join(' ') }),
  };
}

/** The message of `field`'s problem, or nothing. */
export function FieldProblem({ field, problems }: { readonly field: FormField; readonly problems: FormProblems }) {
  const text = useProblemText();
  const problem = problems.get(field);
  if (problem === undefined) return null;
  return (
    <p id={problemId(field)} className="form-problem" data-testid={`problem-${field}`}>
      {text(problem)}
    </p>
  );
}
