/**
 * Links to hand to other people: signing with the profile's credentials, the headers the other side must
 * send, warnings, snippets, and the seam for the register of issued links.
 */
export { createLink, type CreateLinkInput } from './create-link.js';
export { linkRequestParts, type LinkRequestParts, type LinkStore } from './link-request-parts.js';
export { NO_LINK_REGISTER, type IssuedLink, type LinkRegister } from './link-register.js';
export { linkSnippets, type SnippetInput } from './snippets.js';
export { curlCommand, UPLOAD_METHODS } from './curl-command.js';
export { shellJoin, shellQuote, shellWord } from './shell-quote.js';
