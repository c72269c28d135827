/** The CLI's view of core/links/shell-quote.ts (one implementation, shared with the app's link snippets). */
export { shellQuote, shellWord, shellJoin } from '../core/links/shell-quote.js';
