/**
 * The drop page of an issued link, as `links:drop-page` answers it: refused, with what to do, for a
 * download link (a page only uploads) and for a link that has expired (its page could only say so).
 */
import { DropsignError } from '../../../shared/errors.js';
import type { DropPage, IssuedLinkView } from '../../../shared/ipc/link-types.js';
import type { Language } from '../../../shared/ipc/settings.js';
import { dropPageFileName } from './drop-page-file-name.js';
import { renderDropPage } from './render-drop-page.js';

/** The page of `link` in `language`, at `nowMs`. Throws `invalid-argument` for a GET link and `url-expired` for an expired one. */
export function dropPageForLink(link: IssuedLinkView, language: Language, nowMs: number): DropPage {
  if (link.method !== 'PUT') {
    throw new DropsignError('invalid-argument', `The link to ${link.key} is a download link; a drop page is for upload links.`, 'Make an upload (PUT) link, then save its drop page.', {
      field: 'id',
    });
  }
  if (!(Date.parse(link.expiresAt) > nowMs)) {
    throw new DropsignError('url-expired', `The upload link to ${link.key} expired at ${link.expiresAt}, so a drop page could not upload with it.`, 'Make a new upload link, then save its drop page.', {
      expiresAt: link.expiresAt,
    });
  }
  return { fileName: dropPageFileName(link.key), html: renderDropPage(link, { language }) };
}
