/**
 * Turns a failed answer from OSS (or an S3-compatible store) into the typed error a user sees: a stable
 * Dropsign code, one plain sentence that says what went wrong in this case (the bucket's real region, how
 * far the clock is off, which header differs from the signed one), and what to do about it.
 *
 * Nothing secret is echoed: the server's message has URL query strings removed, the signature and access
 * key id the server echoes back are dropped, and header values that carry credentials are hidden.
 */
import type { ErrorCode, ErrorInfo } from '../../shared/errors.js';
import { parseServerTime, stripQueryStrings, type HttpFailure } from './http-failure.js';
import { canCompare, compareSignedRequests, describeServerSide, displayHeaderName, type SignedRequestView } from './signature-diff.js';

/** What the caller knows beyond the answer itself. All optional. */
export interface ErrorContext {
  /** What the client signed, to explain a signature mismatch. */
  readonly signed?: SignedRequestView;
  /** The region the request was signed for. */
  readonly region?: string;
  /** The bucket and key the request was for. */
  readonly bucket?: string;
  readonly key?: string;
  /** The local clock (ms since the epoch) when the answer arrived, to tell how far the clocks differ. */
  readonly receivedAtMs?: number;
  /**
   * What the request was part of, for the advice: `transfer` (the default: an upload, which retries by
   * itself and can send fewer files at once) or `one-off` (a listing, an abort, a profile test: nothing
   * retries it, and there are no files to send fewer of).
   */
  readonly activity?: 'transfer' | 'one-off';
}

type Details = Record<string, string | number | boolean>;

/** OSS's allowed difference between the signing time and its clock: 15 minutes. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** Longest server message quoted. Why 300: a full OSS message fits; a proxy's HTML page does not flood the UI. */
const MAX_SERVER_MESSAGE = 300;

function baseDetails(failure: HttpFailure): Details {
  const details: Details = { status: failure.status };
  if (failure.ossCode !== undefined) details['serverCode'] = failure.ossCode;
  if (failure.requestId !== undefined) details['requestId'] = failure.requestId;
  if (failure.hostId !== undefined) details['hostId'] = failure.hostId;
  if (failure.ec !== undefined) details['ec'] = failure.ec;
  return details;
}

function serverMessage(failure: HttpFailure): string | undefined {
  // Without its final period: the server's sentence is quoted inside one of ours.
  const text = failure.message === undefined ? undefined : stripQueryStrings(failure.message).replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
  if (text === undefined || text === '') return undefined;
  return text.length > MAX_SERVER_MESSAGE ? `${text.slice(0, MAX_SERVER_MESSAGE - 1)}…` : text;
}

/** `17 minutes`, `2 hours 5 minutes`, `40 seconds`: a clock difference in words. */
export function describeDuration(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  // Why 90: below a minute and a half, seconds say more than "1 minute".
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  // Why 120: up to two hours, minutes are precise enough and easier to act on.
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hours${rest === 0 ? '' : ` ${rest} minute${rest === 1 ? '' : 's'}`}`;
}

/**
 * How far the local clock is behind the server's (ms; negative when ahead), from what the answer says:
 * `<ServerTime>` against `<RequestTime>` (the signing time, for a skew error), else the server's time
 * (`<ServerTime>` or the `Date` header) against `receivedAtMs`.
 */
export function clockOffsetFrom(failure: HttpFailure, receivedAtMs?: number): number | undefined {
  const serverTime = parseServerTime(failure.details?.['ServerTime']) ?? parseServerTime(failure.serverDate);
  if (serverTime === undefined) return undefined;
  const requestTime = parseServerTime(failure.details?.['RequestTime']);
  if (requestTime !== undefined) return serverTime - requestTime;
  return receivedAtMs === undefined ? undefined : serverTime - receivedAtMs;
}

/** True for OSS's and S3's "the presigned URL has expired" answer. */
export function isExpiredAnswer(failure: HttpFailure): boolean {
  return failure.ec === '0002-00000069' || (failure.ossCode === 'AccessDenied' && /expired/i.test(failure.message ?? ''));
}

/** True for "the signing time is too far from the server's clock" (OSS and S3, either direction). */
export function isSkewAnswer(failure: HttpFailure): boolean {
  return failure.ossCode === 'RequestTimeTooSkewed' || (failure.ossCode === 'AccessDenied' && /not (yet )?valid yet/i.test(failure.message ?? ''));
}

function info(code: ErrorCode, message: string, hint: string, details: Details): ErrorInfo {
  return { code, message, hint, details };
}

function wrongRegion(failure: HttpFailure, context: ErrorContext, details: Details): ErrorInfo | undefined {
  const region = failure.details?.['Region'];
  const endpoint = failure.details?.['Endpoint'];
  const aboutRegion = /region/i.test(failure.message ?? '') || failure.ec === '0002-00000226' || failure.ec === '0002-00000228';
  if (region !== undefined && (aboutRegion || failure.ossCode === 'AuthorizationHeaderMalformed' || failure.ossCode === 'AuthorizationQueryParametersError')) {
    // The credential is `AccessKeyId/date/region/service/terminator`; only the region is read (the id is not echoed).
    const signedFor = context.region ?? failure.details?.['ArgumentValue']?.split('/')[2];
    return info(
      'wrong-region',
      `The bucket is in ${region}, but the request was signed for ${signedFor === undefined || signedFor === '' ? 'another region' : signedFor}.`,
      `Set the profile's region to ${region} (--region ${region}); the endpoint should be in the same region.`,
      { ...details, bucketRegion: region, ...(signedFor === undefined ? {} : { signedRegion: signedFor }) },
    );
  }
  if (endpoint !== undefined && (failure.ossCode === 'PermanentRedirect' || /endpoint/i.test(failure.message ?? ''))) {
    // S3 names the bucket's own host (`bucket.s3.eu-west-1.amazonaws.com`); the profile wants the endpoint.
    const bucket = failure.details?.['Bucket'] ?? context.bucket;
    const host = stripQueryStrings(endpoint).replace(/^[a-z]+:\/\//i, '');
    const bare = bucket !== undefined && host.startsWith(`${bucket}.`) ? host.slice(bucket.length + 1) : host;
    const ossRegion = /^oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/.exec(bare)?.[1];
    return info(
      'wrong-region',
      `The bucket must be reached through ${bare}${ossRegion === undefined ? '' : ` (region ${ossRegion})`}, not the endpoint that was used.`,
      `Set the profile's endpoint to https://${bare}${ossRegion === undefined ? ' and its region to match' : ` and its region to ${ossRegion}`}.`,
      { ...details, endpoint: bare, ...(ossRegion === undefined ? {} : { bucketRegion: ossRegion }) },
    );
  }
  return undefined;
}

function clockSkew(failure: HttpFailure, context: ErrorContext, details: Details): ErrorInfo {
  const offset = clockOffsetFrom(failure, context.receivedAtMs);
  const allowed = Number(failure.details?.['MaxAllowedSkewMilliseconds'] ?? MAX_SKEW_MS);
  const how = offset === undefined ? 'wrong' : `${describeDuration(offset)} ${offset > 0 ? 'behind' : 'ahead of'}`;
  return info(
    'clock-skew',
    `Your computer's clock is ${how}${offset === undefined ? '' : ' the server\u2019s'}; the server accepts at most ${describeDuration(allowed)} of difference.`,
    'Turn on automatic date and time (network time) in your system settings, then try again.',
    { ...details, ...(offset === undefined ? {} : { clockOffsetMs: offset }) },
  );
}

function urlExpired(failure: HttpFailure, context: ErrorContext, details: Details): ErrorInfo {
  const expires = failure.details?.['Expires'];
  const serverTime = failure.details?.['ServerTime'];
  const offset = clockOffsetFrom({ ...failure, details: { ...(serverTime === undefined ? {} : { ServerTime: serverTime }) } }, context.receivedAtMs);
  const skewed = offset !== undefined && Math.abs(offset) > MAX_SKEW_MS;
  const when = expires === undefined ? '' : ` at ${expires}${serverTime === undefined ? '' : ` (the server's time is now ${serverTime})`}`;
  return info(
    'url-expired',
    `The signed link expired${when}.${skewed ? ` Your computer's clock is ${describeDuration(offset)} ${offset > 0 ? 'behind' : 'ahead of'} the server's, so new links expire too soon.` : ''}`,
    skewed
      ? 'Turn on automatic date and time (network time) in your system settings, then try again.'
      : 'Sign a new link (uploads do this by themselves); for long uploads choose a longer expiry.',
    { ...details, ...(offset === undefined ? {} : { clockOffsetMs: offset }) },
  );
}

function signatureMismatch(failure: HttpFailure, context: ErrorContext, details: Details): ErrorInfo {
  const server = {
    ...(failure.details?.['CanonicalRequest'] === undefined ? {} : { canonicalRequest: failure.details['CanonicalRequest'] }),
    ...(failure.details?.['StringToSign'] === undefined ? {} : { stringToSign: failure.details['StringToSign'] }),
  };
  const client = context.signed ?? {};
  const findings = compareSignedRequests(server, client);
  const headerHint =
    'Send exactly the headers the link was signed with (the same Content-Type, no extra x-oss-* headers), or sign the link for the headers you send.';
  const first = findings[0];
  if (first !== undefined) {
    const sentences = findings.map((finding) => finding.sentence).join('; ');
    return info(
      'signature-mismatch',
      `The server rejected the signature: ${sentences}.`,
      first.header !== undefined ? headerHint : 'Sign the link for the exact request that is sent (method, key and query parameters).',
      { ...details, ...(first.header === undefined ? {} : { header: displayHeaderName(first.header) }) },
    );
  }
  if (canCompare(server, client)) {
    return info(
      'signature-mismatch',
      'The server rejected the signature, although the request is exactly what was signed, so the AccessKey secret is probably wrong.',
      'Check the AccessKey secret (in the profile or environment used): it must be the one issued with this AccessKey ID.',
      details,
    );
  }
  const seen = describeServerSide(server);
  return info(
    'signature-mismatch',
    `The server rejected the signature${seen === undefined ? '' : `; it signed ${seen}`}.`,
    `Check the AccessKey secret, and ${headerHint.charAt(0).toLowerCase()}${headerHint.slice(1)}`,
    details,
  );
}

function byCode(failure: HttpFailure, context: ErrorContext, details: Details): ErrorInfo | undefined {
  const quoted = serverMessage(failure);
  const bucket = failure.details?.['BucketName'] ?? context.bucket;
  switch (failure.ossCode) {
    case 'InvalidAccessKeyId':
      return info('invalid-access-key', 'The server does not know the AccessKey ID the request was signed with.', 'Check the AccessKey ID (in the profile or environment used): it may have been deleted or disabled, or belong to another cloud or account.', details);
    case 'SecurityTokenExpired':
    case 'ExpiredToken':
    case 'InvalidSecurityToken':
      return info('credentials-expired', 'The temporary (STS) credentials have expired or are not valid.', 'Get new temporary credentials (or use a long-term AccessKey), then try again.', details);
    case 'NoSuchBucket':
      return info('no-such-bucket', `The bucket${bucket === undefined ? '' : ` ${JSON.stringify(bucket)}`} does not exist at this endpoint.`, 'Check the bucket name, and that the endpoint is in the bucket\u2019s region.', details);
    case 'NoSuchKey':
      return info('no-such-key', `The object${context.key === undefined ? '' : ` ${JSON.stringify(context.key)}`} does not exist.`, 'Check the key; it may have been deleted or renamed.', details);
    case 'NoSuchUpload':
      return info('no-such-upload', 'The multipart upload no longer exists on the server (it was completed, aborted, or removed by a lifecycle rule).', 'Upload the file again from the start.', details);
    case 'FileAlreadyExists':
      return info('object-exists', `An object${context.key === undefined ? '' : ` named ${JSON.stringify(context.key)}`} already exists, and the upload was told not to overwrite it.`, 'Choose another existing-object policy (overwrite, skip or rename) or another key.', details);
    case 'EntityTooLarge':
      return info('entity-too-large', 'The upload is larger than the server accepts for this request.', 'Upload files over 5 GiB in parts (multipart), or check the bucket\u2019s size limits.', details);
    case 'InvalidDigest':
    case 'BadDigest':
      return info('integrity-mismatch', 'The server received different bytes from those the checksum was computed for.', 'The file may have changed while it was uploading, or the data was damaged on the way; try again.', details);
    case 'AccessDenied':
    case 'AccessForbidden':
      return info(
        'access-denied',
        `The server refused access${quoted === undefined ? '' : `: ${quoted}`}.`,
        context.activity === 'one-off'
          ? 'Check that the AccessKey\u2019s user or role is allowed this request on this bucket and prefix, and that no bucket policy denies it.'
          : 'Check that the AccessKey\u2019s user or role may write to this bucket and prefix (oss:PutObject), and that no bucket policy denies it.',
        details,
      );
    case 'SlowDown':
    case 'ServiceUnavailable':
    case 'TooManyRequests':
      return busy(context, details);
    default:
      return undefined;
  }
}

function busy(context: ErrorContext, details: Details): ErrorInfo {
  const hint = context.activity === 'one-off' ? 'Try again in a few minutes.' : 'Try again in a few minutes, or upload fewer files at once.';
  return info('server-busy', 'The server is busy and asked to slow down.', hint, details);
}

/**
 * The typed error for a failed answer. `context` sharpens the message (the client's signature for a
 * mismatch, the signed region, the clock at receipt); without it the message says what the answer alone
 * allows. Always carries `status`, and `requestId`, `serverCode`, `hostId`, `ec` when known, in `details`.
 */
export function ossErrorInfo(failure: HttpFailure, context: ErrorContext = {}): ErrorInfo {
  const details = baseDetails(failure);
  const region = wrongRegion(failure, context, details);
  if (region !== undefined) return region;
  if (isSkewAnswer(failure)) return clockSkew(failure, context, details);
  if (isExpiredAnswer(failure)) return urlExpired(failure, context, details);
  if (failure.ossCode === 'SignatureDoesNotMatch') return signatureMismatch(failure, context, details);
  const known = byCode(failure, context, details);
  if (known !== undefined) return known;
  if (failure.status === 429 || failure.status === 503) return busy(context, details);
  const what = `${failure.status}${failure.ossCode === undefined ? '' : ` ${failure.ossCode}`}`;
  const quoted = serverMessage(failure);
  const said = quoted === undefined ? '' : `: ${quoted}`;
  if (failure.status >= 500) {
    return info('server-error', `The server failed with ${what}${said}.`, `Try again later; if it persists, contact the provider with the request id${failure.requestId === undefined ? '' : ` ${failure.requestId}`}.`, details);
  }
  return info('request-rejected', `The server refused the request with ${what}${said}.`, `Check the profile and the file; if it is unclear, contact the provider with the request id${failure.requestId === undefined ? '' : ` ${failure.requestId}`}.`, details);
}
