/**
 * Links to hand to other people: signing with the profile's credentials, the headers the other side must
 * send, warnings, snippets, the upload callback, the register of issued links (persisted, with CSV
 * export), the limits of the link form, and inspecting a pasted link.
 */
export { createLink, type CreateLinkInput } from './create-link.js';
export { linkRequestParts, type LinkRequestParts, type LinkStore } from './link-request-parts.js';
export type { IssuedLink, IssuedLinks, LinkRegister } from './link-register.js';
export { IssuedLinkRegister, LINKS_FILE_NAME, MAX_ISSUED_LINKS, type IssuedLinkRegisterOptions } from './issued-link-register.js';
export { issuedLinksCsv, linkStatus } from './issued-links-csv.js';
export { linkLimits } from './link-limits.js';
export { callbackConfig, callbackQueryParam, CALLBACK_QUERY_PARAM, type CallbackConfig } from './link-callback.js';
export { inspectLink, type InspectDeps } from './inspect-link.js';
export { linkSnippets, type SnippetInput } from './snippets.js';
export { curlCommand, UPLOAD_METHODS } from './curl-command.js';
export { shellJoin, shellQuote, shellWord } from './shell-quote.js';
