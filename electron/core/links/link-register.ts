/**
 * The seam for the register of issued links (a later issue persists it, so the user can see which links
 * are out there and when each dies). The app services tell the register about every link they make;
 * today nothing is kept.
 */
import type { LinkResult } from '../../shared/ipc/link-types.js';

/** One issued link as the register will keep it: everything the user saw, which holds no secret. */
export interface IssuedLink {
  readonly issuedAt: string;
  readonly link: Omit<LinkResult, 'snippets'>;
}

/** Where issued links are recorded. */
export interface LinkRegister {
  /** Records one link. A failure is reported by the caller as a notice and does not spoil the link. */
  record(link: IssuedLink): Promise<void>;
}

/** The register that keeps nothing (until the persisted one lands). */
export const NO_LINK_REGISTER: LinkRegister = { record: () => Promise.resolve() };
