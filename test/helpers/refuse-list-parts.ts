/**
 * A local bucket's authentication as a RAM policy that allows everything but ListParts would make it:
 * every signature checked, and every request for an upload's parts refused with AccessDenied, as OSS
 * answers a request its policy does not allow; or, with {@link failListParts}, answered with any error
 * (a server having trouble).
 */
import { verifySignature, type Authenticate, type OssErrorResponse } from '../../electron/core/local-bucket/index.js';

/** The sentence the bucket refuses with (OSS's own wording for a policy refusal). */
export const LIST_PARTS_REFUSAL = 'You have no right to access this object because of bucket acl.';

/** Verifies signatures; answers every ListParts (`GET` with `uploadId`) with `error`. */
export function failListParts(error: OssErrorResponse): Authenticate {
  return (request, context) => {
    const listsParts = request.method === 'GET' && request.query.some((param) => param.name === 'uploadId');
    if (listsParts) return { kind: 'denied', error };
    return verifySignature(request, context);
  };
}

/** Verifies signatures; refuses ListParts as such a policy does. */
export const refuseListParts: Authenticate = failListParts({ status: 403, code: 'AccessDenied', message: LIST_PARTS_REFUSAL });
