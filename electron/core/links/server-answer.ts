/**
 * What a recipient's error answer means (`links:inspect` with the server's answer): the OSS or S3 XML
 * error body explained as the transfer engine explains its own failures (core/transfer/oss-error-info),
 * with the link's signed request as "what the client signed". A SignatureDoesNotMatch then names the
 * header that differs from what the link locks ("the server saw Content-Type: "text/plain" but the URL
 * signed "image/png""); an expired link, AccessDenied, a wrong region and so on get their plain sentence.
 *
 * Nothing secret is repeated: the error parser drops the echoed signature and masks credentials in the
 * server's string to sign, and the explanation only names headers, methods, paths and parameter names.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { IssuedLinkView } from '../../shared/ipc/link-types.js';
import { HTTP_METHODS, type HttpMethod } from '../../shared/signing.js';
import { OSS_ERROR_STATUS } from '../local-bucket/oss-errors.js';
import { httpFailureFromResponse, parseErrorXml } from '../transfer/http-failure.js';
import { ossErrorInfo } from '../transfer/oss-error-info.js';
import type { SignedRequestView } from '../transfer/signature-diff.js';
import type { PresignedUrlParts } from './presigned-url.js';
import { signedForms } from './presigned-url-signing.js';

/** HTTP statuses of error codes OSS and S3 send that the local bucket does not (the answer gives no status). */
const OTHER_STATUS: Readonly<Record<string, number>> = {
  CallbackFailed: 203,
  ExpiredToken: 400,
  InvalidToken: 400,
  InvalidSecurityToken: 403,
  SecurityTokenExpired: 403,
  AuthorizationQueryParametersError: 400,
  AuthorizationHeaderMalformed: 400,
  PermanentRedirect: 301,
  SlowDown: 503,
};

/** The status that comes with `code` (400 when unknown: a client error, which these are). */
function statusOf(code: string): number {
  if (Object.hasOwn(OSS_ERROR_STATUS, code)) return OSS_ERROR_STATUS[code as keyof typeof OSS_ERROR_STATUS];
  return Object.hasOwn(OTHER_STATUS, code) ? (OTHER_STATUS[code] ?? 400) : 400;
}

/** The method the server says it saw: the first line of its canonical request (V4) or string to sign (V1). */
function serverMethod(details: Readonly<Record<string, string>> | undefined): HttpMethod | undefined {
  const first = (details?.['CanonicalRequest'] ?? details?.['StringToSign'] ?? '').split('\n')[0] ?? '';
  return HTTP_METHODS.find((method) => method === first);
}

/** What the link signed, when the values of the headers it binds are known (see link-verification.ts). */
function linkView(parts: PresignedUrlParts, entry: IssuedLinkView | undefined, method: HttpMethod): SignedRequestView | undefined {
  const onlyHost = parts.headerNames.every((name) => name === 'host');
  const headers = entry?.headers ?? (parts.scheme === 's3-v4' && onlyHost ? {} : undefined);
  const addressing = parts.addressing;
  const target = entry ?? (addressing.style === 'cname' ? undefined : addressing);
  if (headers === undefined || (target === undefined && parts.scheme !== 's3-v4')) return undefined;
  const forms = signedForms(parts, { method, bucket: target?.bucket, key: target?.key ?? addressing.key, headers });
  return { ...forms, signedHeaders: headers };
}

/** The plain meaning of `answer` for the link `parts` (issued here as `entry`, when it was). */
export function explainServerAnswer(answer: string, parts: PresignedUrlParts, entry: IssuedLinkView | undefined): ErrorInfo {
  const xml = parseErrorXml(answer);
  if (xml?.code === undefined) {
    return {
      code: 'invalid-argument',
      message: 'The server\u2019s answer is not an OSS or S3 error document, so it cannot be explained.',
      hint: 'Paste the whole body of the answer the recipient got, from <?xml (or <Error>) to </Error>.',
    };
  }
  const failure = httpFailureFromResponse(statusOf(xml.code), {}, answer);
  const method = entry?.method ?? serverMethod(failure.details) ?? 'GET';
  const view = linkView(parts, entry, method);
  const bucket = entry?.bucket ?? (parts.addressing.style === 'cname' ? undefined : parts.addressing.bucket);
  return ossErrorInfo(failure, {
    ...(view === undefined ? {} : { signed: view }),
    ...(parts.region === undefined ? {} : { region: parts.region }),
    ...(bucket === undefined ? {} : { bucket }),
    key: entry?.key ?? parts.addressing.key,
  });
}
