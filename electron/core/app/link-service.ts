/**
 * The links service (`links:*`):
 * - `create`: resolves the profile (the default one when none is named), reads its credentials, signs the
 *   link (core/links) with the default validity from the settings, and records it in the register of
 *   issued links (the answer carries its id there). A register that fails is a notice; the link is still
 *   handed out, without an id.
 * - `limits`: what the link form may offer for a profile, with the validity capped by its STS token.
 * - `list`, `forget`, `export-csv`: the register. A presigned link cannot be revoked: forgetting one only
 *   takes it off the list (rotate the AccessKey to stop links early).
 * - `inspect`: what a pasted link says about itself, whether it holds, and what a server's answer means.
 * - `drop-page`: the HTML page through which the recipient of an issued upload link uploads a file.
 */
import { DropsignError, toErrorInfo } from '../../shared/errors.js';
import type { DropPage, IssuedLinkList, IssuedLinksCsv, LinkInspection, LinkLimits, LinkRequest, LinkResult } from '../../shared/ipc/link-types.js';
import type { Language } from '../../shared/ipc/settings.js';
import { createLink } from '../links/create-link.js';
import { dropPageForLink } from '../links/drop-page/drop-page-for-link.js';
import { inspectLink } from '../links/inspect-link.js';
import { issuedLinksCsv } from '../links/issued-links-csv.js';
import { linkLimits } from '../links/link-limits.js';
import type { LinkRegister } from '../links/link-register.js';
import { resolveProfile } from '../profiles/resolve-profile.js';
import type { AppContext } from './app-context.js';

/**
 * The most links `links:list` answers. Why 1,000: many screens of links, a few MB over IPC at most; the
 * CSV export holds every one, and `total` says how many there are.
 */
export const MAX_LISTED_LINKS = 1000;

/** `links:create`: see the module comment. */
export async function createLinkFor(context: AppContext, register: LinkRegister, request: LinkRequest): Promise<LinkResult> {
  const resolved = await resolveProfile(request.profile, context);
  const credentials = await resolved.credentials();
  const settings = await context.settings.read();
  const link = createLink({ request, profile: resolved.profile, credentials, defaultExpirySeconds: settings.defaultLinkExpirySeconds, now: context.now });
  const { snippets: _snippets, warnings: _warnings, ...recorded } = link;
  try {
    const issued = await register.record({ issuedAt: new Date(context.now()).toISOString(), link: recorded });
    return { id: issued.id, ...link };
  } catch (error) {
    const info = toErrorInfo(error);
    context.notify({ level: 'warning', code: info.code, message: `The link was made but could not be recorded: ${info.message}`, hint: info.hint });
  }
  return link;
}

/** `links:limits`: for `profile`, or the default one when absent. */
export async function linkLimitsFor(context: AppContext, profile: string | undefined): Promise<LinkLimits> {
  const resolved = await resolveProfile(profile, context);
  return linkLimits(resolved.profile, await resolved.credentials(), context.now());
}

/** `links:list`: newest first, at most {@link MAX_LISTED_LINKS}, with the total. */
export async function listLinks(register: LinkRegister): Promise<IssuedLinkList> {
  const { links } = await register.list();
  return { links: links.slice(0, MAX_LISTED_LINKS), total: links.length };
}

/** `links:forget`: takes the link off the list (it keeps working until it expires). */
export async function forgetLink(register: LinkRegister, id: string): Promise<null> {
  await register.forget(id);
  return null;
}

/** `links:export-csv`: every link in the register, newest first, with its status now. */
export async function exportLinksCsv(context: AppContext, register: LinkRegister): Promise<IssuedLinksCsv> {
  return issuedLinksCsv((await register.list()).links, context.now());
}

/** `links:inspect`. */
export function inspectLinkFor(context: AppContext, register: LinkRegister, url: string, serverAnswer: string | undefined): Promise<LinkInspection> {
  return inspectLink(url, serverAnswer, { register, profiles: context });
}

/**
 * `links:drop-page`: the page of the issued link `id`, in `language`. Refuses an id the register does not
 * hold, a download link and an expired link (see core/links/drop-page).
 */
export async function dropPageFor(context: AppContext, register: LinkRegister, id: string, language: Language | undefined): Promise<DropPage> {
  const link = (await register.list()).links.find((candidate) => candidate.id === id);
  if (link === undefined) {
    throw new DropsignError('invalid-argument', 'There is no issued link with this id (it may have been forgotten).', 'Refresh the list of issued links, or make the upload link again.', {
      field: 'id',
    });
  }
  return dropPageForLink(link, language ?? 'en', context.now());
}
