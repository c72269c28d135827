/**
 * Browser mode's host (`dropsign web`): the built renderer and the contract on loopback. See README.md.
 */
export { startWebHost, type WebHost, type WebHostOptions } from './web-host.js';
export { DEFAULT_WEB_HOST_LIMITS, type WebHostLimits } from './web-host-limits.js';
export { dropSpooledLeftovers } from './spool/spool-leftovers.js';
export { SpoolStore } from './spool/spool-store.js';
export { DEFAULT_SPOOL_LIMITS, type SpoolLimits } from './spool/spool-limits.js';
export { defaultRendererRoot, spoolDirOf } from './locations.js';
export { openInBrowser, type OpenOutcome } from './open-browser.js';
