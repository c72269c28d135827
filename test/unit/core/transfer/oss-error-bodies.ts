/**
 * Error bodies as OSS and S3 send them (element names, order and EC codes as in their documentation and
 * answers), shared by the error-explanation and retry tests.
 */

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Builds an `<Error>` body from fields, indented as OSS indents it; values are XML-escaped. */
export function errorBody(fields: Readonly<Record<string, string>>): string {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = Object.entries(fields).map(([name, value]) => `  <${name}>${escape(value)}</${name}>`);
  return `${DECLARATION}<Error>\n${lines.join('\n')}\n</Error>\n`;
}

/** OSS V4: the credential names cn-hangzhou, the bucket is in cn-shanghai. */
export const WRONG_REGION = errorBody({
  Code: 'InvalidArgument',
  Message: 'Invalid signing region in credential.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5D4',
  HostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
  ArgumentName: 'x-oss-credential',
  ArgumentValue: 'LTAI5tFakeKeyId/20241112/cn-hangzhou/oss/aliyun_v4_request',
  Region: 'cn-shanghai',
  EC: '0002-00000226',
  RecommendDoc: 'https://api.aliyun.com/troubleshoot?q=0002-00000226',
});

/** S3: the same mistake, as AWS words it. */
export const S3_WRONG_REGION = errorBody({
  Code: 'AuthorizationQueryParametersError',
  Message: "Error parsing the X-Amz-Credential parameter; the region 'us-east-1' is wrong; expecting 'eu-west-1'",
  Region: 'eu-west-1',
  RequestId: 'ABCDEF0123456789',
  HostId: 'aGVsbG8gd29ybGQ=',
});

/** OSS: the request went to the wrong region's endpoint. */
export const WRONG_ENDPOINT = errorBody({
  Code: 'AccessDenied',
  Message: 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5D5',
  HostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
  Bucket: 'photos',
  Endpoint: 'oss-cn-shanghai.aliyuncs.com',
  EC: '0003-00001403',
});

/** S3: PermanentRedirect names the bucket's own host. */
export const S3_REDIRECT = errorBody({
  Code: 'PermanentRedirect',
  Message: 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
  Endpoint: 'photos.s3.eu-west-1.amazonaws.com',
  Bucket: 'photos',
  RequestId: 'R1',
  HostId: 'H1',
});

/** The URL's validity ended at 08:32:38; the server's clock says 09:00:00. */
export const EXPIRED = errorBody({
  Code: 'AccessDenied',
  Message: 'Request has expired.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5D6',
  HostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
  Expires: '2024-11-12T08:32:38Z',
  ServerTime: '2024-11-12T09:00:00Z',
  EC: '0002-00000069',
});

/** Signed at 09:20:00 by a clock 20 minutes ahead of the server's 09:00:00. */
export const SKEWED = errorBody({
  Code: 'RequestTimeTooSkewed',
  Message: 'The difference between the request time and the current time is too large.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5D7',
  HostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
  RequestTime: '2024-11-12T09:20:00Z',
  ServerTime: '2024-11-12T09:00:00Z',
  MaxAllowedSkewMilliseconds: '900000',
  EC: '0002-00000504',
});

/** The server's canonical request for a PUT that carried `Content-Type: text/plain;charset=UTF-8` and an unsigned meta header. */
export const SERVER_CANONICAL_REQUEST = [
  'PUT',
  '/photos/cat.png',
  'x-oss-credential=LTAI5tFakeKeyId%2F20241112%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20241112T083238Z&x-oss-expires=3600&x-oss-security-token=CAIS%2Bsecret-token&x-oss-signature-version=OSS4-HMAC-SHA256',
  'content-type:text/plain;charset=UTF-8',
  'x-oss-meta-author:alice',
  '',
  '',
  'UNSIGNED-PAYLOAD',
].join('\n');

export const SIGNATURE_MISMATCH = errorBody({
  Code: 'SignatureDoesNotMatch',
  Message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5D8',
  HostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
  OSSAccessKeyId: 'LTAI5tFakeKeyId',
  SignatureProvided: 'f1e2d3c4b5a697887766554433221100ffeeddccbbaa99887766554433221100',
  StringToSign: 'OSS4-HMAC-SHA256\n20241112T083238Z\n20241112/cn-hangzhou/oss/aliyun_v4_request\n3f2b6c0e0d3d2c1b0a99887766554433221100ffeeddccbbaa998877665544',
  StringToSignBytes: '4F 53 53 34 ',
  CanonicalRequest: SERVER_CANONICAL_REQUEST,
  EC: '0002-00000040',
  RecommendDoc: 'https://api.aliyun.com/troubleshoot?q=0002-00000040',
});

export const NO_SUCH_BUCKET = errorBody({
  Code: 'NoSuchBucket',
  Message: 'The specified bucket does not exist.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5D9',
  HostId: 'nosuch.oss-cn-hangzhou.aliyuncs.com',
  BucketName: 'nosuch',
  EC: '0015-00000101',
});

export const FILE_EXISTS = errorBody({
  Code: 'FileAlreadyExists',
  Message: 'The object you specified already exists and can not be overwritten.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5DA',
  HostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
  EC: '0026-00000001',
});

export const INTERNAL_ERROR = errorBody({
  Code: 'InternalError',
  Message: 'We encountered an internal error. Please try again.',
  RequestId: '6745A3B2C1D0E9F8A7B6C5DB',
  HostId: 'photos.oss-cn-hangzhou.aliyuncs.com',
});
