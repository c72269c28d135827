/**
 * Drop pages: a self-contained HTML page through which the recipient of an upload link picks or drops a
 * file and uploads it with exactly the signed headers, from any browser, with no server but the bucket.
 */
export { renderDropPage, dropPageScript, DROP_PAGE_CONFIG_ID, MAX_SINGLE_PUT_BYTES, type DropPageLink, type DropPageOptions } from './render-drop-page.js';
export { dropPageForLink } from './drop-page-for-link.js';
export { dropPageFileName } from './drop-page-file-name.js';
export { dropPageMain, type DropPageFailure, type DropPageState } from './drop-page-main.js';
export { DROP_PAGE_TEXTS, type DropPageMarkupTexts, type DropPageTexts } from './drop-page-texts.js';
export type { DropPageConfig, DropPageScriptTexts } from './drop-page-config.js';
