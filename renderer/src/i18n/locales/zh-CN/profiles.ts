import type { Catalog } from '../../catalog.js';
import type { profiles as en } from '../en/profiles.js';

/** profiles 界面的用语。 */
export const profiles: Catalog<typeof en> = {
  title: 'profiles',
};
