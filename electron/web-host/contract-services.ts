/**
 * What the web host needs from the app services (core/app): run a contract call, and listen to events.
 * Narrowed to these two so tests can stand in a fake, and so the host never reaches around the contract.
 */
import type { AppServices } from '../core/app/index.js';

/** The part of {@link AppServices} the web host serves. */
export type ContractServices = Pick<AppServices, 'invoke' | 'on'>;
