/**
 * What every part of the link form gets: the values, a way to change some of them, the problems to
 * show, and the chosen profile's limits (undefined while they load).
 */
import type { LinkLimits } from '../../../../electron/shared/ipc/link-types.js';
import type { FormProblems } from './form-problems.js';
import type { LinkFormValues } from './link-form-values.js';

/** See the module comment. */
export interface FormSectionProps {
  readonly values: LinkFormValues;
  readonly change: (patch: Partial<LinkFormValues>) => void;
  readonly problems: FormProblems;
  readonly limits: LinkLimits | undefined;
}
