import type { Catalog } from '../../catalog.js';
import type { links as en } from '../en/links.js';

/** links 界面的用语。 */
export const links: Catalog<typeof en> = {
  title: 'links',
};
