import type { Catalog } from '../../catalog.js';
import type { history as en } from '../en/history.js';

/** history 界面的用语。 */
export const history: Catalog<typeof en> = {
  title: 'history',
};
