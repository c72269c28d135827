/**
 * The app services (plain Node, never Electron): what Electron main and the browser-mode web host serve
 * through the contract in electron/shared/ipc.
 */
export { createAppServices, type AppServices } from './app-services.js';
export type { AppServicesOptions } from './app-options.js';
export type { LocalBucketChoice } from './local-bucket-runner.js';
export { PASSPHRASE_VARIABLE } from './secret-stores.js';
