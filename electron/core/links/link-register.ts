/**
 * The register of issued links: every link Dropsign hands out (from the app's `links:create` and from
 * `dropsign link`), so the user can see which links are out there and when each dies.
 *
 * A presigned link cannot be revoked: it works until it expires, whatever the register says. Forgetting a
 * link only removes it from the list; to stop a link early, rotate the AccessKey that signed it.
 */
import type { IssuedLinkView, LinkResult } from '../../shared/ipc/link-types.js';

/** One link to record: what the user saw but the snippets and warnings, which holds no secret. */
export interface IssuedLink {
  readonly issuedAt: string;
  readonly link: Omit<LinkResult, 'snippets' | 'warnings'>;
}

/** All the register holds, newest first. */
export interface IssuedLinks {
  readonly links: readonly IssuedLinkView[];
}

/** Where issued links are recorded. */
export interface LinkRegister {
  /** Records one link and returns it as listed (with its new id). */
  record(link: IssuedLink): Promise<IssuedLinkView>;
  /** Every link held, newest first. */
  list(): Promise<IssuedLinks>;
  /**
   * Removes a link from the register (the link itself keeps working until it expires; see the module
   * comment). Throws `invalid-argument` for an id the register does not hold.
   */
  forget(id: string): Promise<void>;
  /** The link whose URL is exactly `url`, if the register holds it. */
  findByUrl(url: string): Promise<IssuedLinkView | undefined>;
}
