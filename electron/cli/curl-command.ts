/** The CLI's view of core/links/curl-command.ts (one implementation, shared with the app's link snippets). */
export { UPLOAD_METHODS, curlCommand } from '../core/links/curl-command.js';
