/**
 * The local bucket's public surface: start a server, the option and handle types, the authentication
 * seam, and the OSS error shapes a verifier answers with.
 */
export { startLocalBucket, isLoopbackHost } from './server.js';
export { allowAllRequests } from './auth-seam.js';
export { verifySignature } from './auth/verify-signature.js';
export { loadOrCreateKeysFile, type KeysFileResult } from './keys-file.js';
export { DEFAULT_EXPOSE_HEADERS } from './cors.js';
export { OSS_ERROR_STATUS, type OssErrorCode, type OssErrorResponse } from './oss-errors.js';
export type {
  AuthContext,
  AuthResult,
  Authenticate,
  Clock,
  CorsRule,
  FaultOptions,
  IncomingRequestInfo,
  LocalBucketHandle,
  LocalBucketOptions,
  RangeBehavior,
  RequestAddressingStyle,
} from './types.js';
export { startEmbeddedLocalBucket, EMBEDDED_BUCKET, EMBEDDED_PORT, EMBEDDED_REGION, type EmbeddedLocalBucket } from './embedded.js';
