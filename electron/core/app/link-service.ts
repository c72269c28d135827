/**
 * `links:create`: resolves the profile (the default one when none is named), reads its credentials, signs
 * the link (core/links) with the default validity from the settings, and tells the register of issued
 * links about it. A register that fails is a notice; the link is still handed out.
 */
import { toErrorInfo } from '../../shared/errors.js';
import type { LinkRequest, LinkResult } from '../../shared/ipc/link-types.js';
import { createLink } from '../links/create-link.js';
import type { LinkRegister } from '../links/link-register.js';
import { resolveProfile } from '../profiles/resolve-profile.js';
import type { AppContext } from './app-context.js';

/** See the module comment. */
export async function createLinkFor(context: AppContext, register: LinkRegister, request: LinkRequest): Promise<LinkResult> {
  const resolved = await resolveProfile(request.profile, context);
  const credentials = await resolved.credentials();
  const settings = await context.settings.read();
  const link = createLink({ request, profile: resolved.profile, credentials, defaultExpirySeconds: settings.defaultLinkExpirySeconds, now: context.now });
  const { snippets: _snippets, ...recorded } = link;
  try {
    await register.record({ issuedAt: new Date(context.now()).toISOString(), link: recorded });
  } catch (error) {
    const info = toErrorInfo(error);
    context.notify({ level: 'warning', code: info.code, message: `The link was made but could not be recorded: ${info.message}`, hint: info.hint });
  }
  return link;
}
