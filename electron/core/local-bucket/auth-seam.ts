/**
 * The permissive end of the authentication seam.
 *
 * The real verifier (OSS V4, OSS V1, S3 SigV4, exactly as OSS checks them) plugs in as an `Authenticate`;
 * until then tests, and the CLI with a loud warning, use this one.
 */
import type { Authenticate } from './types.js';

/**
 * Allows every request, attributing it to the first configured access key id (or `anonymous`).
 * For testing only: it checks nothing.
 */
export const allowAllRequests: Authenticate = (_request, context) => {
  const first = context.accessKeys.keys().next();
  return { kind: 'allowed', accessKeyId: first.done === true ? 'anonymous' : first.value };
};
