/**
 * The part of the app services (electron/core/app) the Electron shell uses: the contract's invoke, its
 * events, the queue snapshot, and close. Main is written against this, so its tests fake four functions.
 */
import type { AppServices } from '../core/app/index.js';

/** See the module comment. */
export type ServicesPort = Pick<AppServices, 'invoke' | 'on' | 'snapshot' | 'close'>;
