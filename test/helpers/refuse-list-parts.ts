/**
 * A local bucket's authentication as a RAM policy that allows everything but ListParts would make it:
 * every signature checked, and every request for an upload's parts refused with AccessDenied, as OSS
 * answers a request its policy does not allow.
 */
import { verifySignature, type Authenticate } from '../../electron/core/local-bucket/index.js';

/** The sentence the bucket refuses with (OSS's own wording for a policy refusal). */
export const LIST_PARTS_REFUSAL = 'You have no right to access this object because of bucket acl.';

/** Verifies signatures; refuses ListParts (`GET` with `uploadId`). */
export const refuseListParts: Authenticate = (request, context) => {
  const listsParts = request.method === 'GET' && request.query.some((param) => param.name === 'uploadId');
  if (listsParts) return { kind: 'denied', error: { status: 403, code: 'AccessDenied', message: LIST_PARTS_REFUSAL } };
  return verifySignature(request, context);
};
