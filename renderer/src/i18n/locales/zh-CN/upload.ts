import type { Catalog } from '../../catalog.js';
import type { upload as en } from '../en/upload.js';

/** upload 界面的用语。 */
export const upload: Catalog<typeof en> = {
  title: 'upload',
};
