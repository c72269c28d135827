/**
 * One ObjectApi for the engine over one HTTP object API per store dialect (OSS answers are checked by
 * their CRC-64 header, S3 answers by their MD5 ETag as well): each call goes to the dialect of the
 * destination it is for.
 *
 * The engine hands the HTTP layer a signer bound to the destination and nothing else, so the dialect is
 * read from what that signer makes: a SigV4 URL (`X-Amz-Algorithm`) is S3, anything else OSS. The
 * answer is remembered per signer (one per transfer), so the extra signature is made once per transfer.
 */
import type { ObjectApi, SignFn } from '../transfer/object-api.js';
import type { StoreProvider } from '../transfer/http/index.js';

/** The dialect of the destination `sign` is bound to. */
function dialectOf(sign: SignFn, key: string): StoreProvider | undefined {
  try {
    return new URL(sign({ method: 'HEAD', key }).url).searchParams.has('X-Amz-Algorithm') ? 's3' : 'oss';
  } catch {
    // The operation's own signature will fail the same way and report it.
    return undefined;
  }
}

/** The routing ObjectApi. `close()` closes both. */
export function createRoutedObjectApi(apis: Readonly<Record<StoreProvider, ObjectApi>>): ObjectApi {
  const known = new WeakMap<SignFn, StoreProvider>();
  const route = (sign: SignFn, key: string): ObjectApi => {
    let dialect = known.get(sign);
    if (dialect === undefined) {
      dialect = dialectOf(sign, key);
      if (dialect !== undefined) known.set(sign, dialect);
    }
    return apis[dialect ?? 'oss'];
  };
  return {
    putObject: (sign, key, range, headers, options) => route(sign, key).putObject(sign, key, range, headers, options),
    headObject: (sign, key, options) => route(sign, key).headObject(sign, key, options),
    initiateMultipart: (sign, key, headers, options) => route(sign, key).initiateMultipart(sign, key, headers, options),
    uploadPart: (sign, key, uploadId, partNumber, range, options) => route(sign, key).uploadPart(sign, key, uploadId, partNumber, range, options),
    completeMultipart: (sign, key, uploadId, parts, crc, headers, options) =>
      route(sign, key).completeMultipart(sign, key, uploadId, parts, crc, headers, options),
    abortMultipart: (sign, key, uploadId, options) => route(sign, key).abortMultipart(sign, key, uploadId, options),
    listParts: (sign, key, uploadId, options) => route(sign, key).listParts(sign, key, uploadId, options),
    close: () => {
      apis.oss.close();
      apis.s3.close();
    },
  };
}
