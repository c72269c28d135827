import type { Catalog } from '../../catalog.js';
import type { settings as en } from '../en/settings.js';

/** settings 界面的用语。 */
export const settings: Catalog<typeof en> = {
  title: 'settings',
};
