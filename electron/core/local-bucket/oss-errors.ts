/**
 * OSS error responses: the codes the local bucket answers with, their HTTP status, and the error value
 * that handlers throw and the server turns into an `<Error>` XML body.
 */

/** The OSS error codes the local bucket (and its verifier) can answer with. */
export type OssErrorCode =
  | 'AccessDenied'
  | 'AccessForbidden'
  | 'SignatureDoesNotMatch'
  | 'InvalidAccessKeyId'
  | 'RequestTimeTooSkewed'
  | 'NoSuchBucket'
  | 'NoSuchKey'
  | 'NoSuchUpload'
  | 'InvalidPart'
  | 'InvalidPartOrder'
  | 'EntityTooSmall'
  | 'EntityTooLarge'
  | 'InvalidDigest'
  | 'FileAlreadyExists'
  | 'InvalidRange'
  | 'PreconditionFailed'
  | 'MalformedXML'
  | 'InvalidArgument'
  | 'InvalidBucketName'
  | 'InvalidObjectName'
  | 'InvalidURI'
  | 'MethodNotAllowed'
  | 'NotImplemented'
  | 'MissingContentLength'
  | 'IncompleteBody'
  | 'InvalidRequest'
  | 'RequestHeaderFieldsTooLarge'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'CallbackFailed'
  // S3's: the body does not hash to its x-amz-content-sha256.
  | 'XAmzContentSHA256Mismatch';

/** The HTTP status OSS sends with each code. */
export const OSS_ERROR_STATUS: Readonly<Record<OssErrorCode, number>> = {
  AccessDenied: 403,
  AccessForbidden: 403,
  SignatureDoesNotMatch: 403,
  InvalidAccessKeyId: 403,
  RequestTimeTooSkewed: 403,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchUpload: 404,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  EntityTooSmall: 400,
  EntityTooLarge: 400,
  InvalidDigest: 400,
  FileAlreadyExists: 409,
  InvalidRange: 416,
  PreconditionFailed: 412,
  MalformedXML: 400,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  InvalidObjectName: 400,
  InvalidURI: 400,
  MethodNotAllowed: 405,
  NotImplemented: 501,
  MissingContentLength: 411,
  IncompleteBody: 400,
  InvalidRequest: 400,
  RequestHeaderFieldsTooLarge: 431,
  InternalError: 500,
  ServiceUnavailable: 503,
  // The upload is stored but its callback failed: OSS answers 203 with the reason.
  CallbackFailed: 203,
  XAmzContentSHA256Mismatch: 400,
};

/** One error answer, as plain data: what `<Error>` says and which status and headers go with it. */
export interface OssErrorResponse {
  /** HTTP status. */
  readonly status: number;
  /** `<Code>`. */
  readonly code: OssErrorCode;
  /** `<Message>`: a plain sentence. Never a secret. */
  readonly message: string;
  /** Extra child elements of `<Error>`, in order (for example `StringToSign`, `OSSAccessKeyId`, `PartNumber`). */
  readonly details?: Readonly<Record<string, string>>;
  /** OSS's fine-grained error code (`x-oss-ec` header and `<EC>`), such as `0002-00000215`, when known. */
  readonly ec?: string;
  /** Extra response headers, such as `Content-Range` on a 416. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An OSS error raised by a handler; the server answers with its `response`. */
export class OssError extends Error {
  override readonly name = 'OssError';
  readonly response: OssErrorResponse;

  constructor(response: OssErrorResponse) {
    super(`${response.code}: ${response.message}`);
    this.response = response;
  }
}

/** Builds an OssError with the usual status for `code`. */
export function ossError(
  code: OssErrorCode,
  message: string,
  details?: Readonly<Record<string, string>>,
  headers?: Readonly<Record<string, string>>,
): OssError {
  return new OssError({
    status: OSS_ERROR_STATUS[code],
    code,
    message,
    ...(details === undefined ? {} : { details }),
    ...(headers === undefined ? {} : { headers }),
  });
}

/** The error answer for anything thrown: OssErrors as they are, anything else as a 500 that leaks nothing. */
export function toOssErrorResponse(error: unknown): OssErrorResponse {
  if (error instanceof OssError) return error.response;
  return {
    status: 500,
    code: 'InternalError',
    message: 'We encountered an internal error. Please try again.',
  };
}
