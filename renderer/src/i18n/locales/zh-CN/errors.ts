import type { Catalog } from '../../catalog.js';
import type { errors as en } from '../en/errors.js';

/** errors 界面的用语。 */
export const errors: Catalog<typeof en> = {
  title: 'errors',
};
