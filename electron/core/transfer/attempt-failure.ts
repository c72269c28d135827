/**
 * How one upload attempt (a PUT, a part, an initiate or complete call) can fail, as plain data, and the
 * typed error each failure means to a user.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { HttpFailure } from './http-failure.js';
import { ossErrorInfo, type ErrorContext } from './oss-error-info.js';

/** One failed attempt. */
export type AttemptFailure =
  /** The connection failed: `code` is Node's or undici's (`ECONNRESET`, `ENOTFOUND`, `UND_ERR_SOCKET`, `CERT_HAS_EXPIRED`). */
  | { readonly kind: 'network'; readonly code: string }
  /** The server answered with an error. */
  | ({ readonly kind: 'http' } & HttpFailure)
  /** The server stored other bytes than were read from the file (CRC-64 or MD5 differ). */
  | { readonly kind: 'integrity'; readonly expected: string; readonly actual: string; readonly algorithm?: 'crc64' | 'md5' }
  /** Nothing moved for too long (connect, upload or response). */
  | { readonly kind: 'timeout' };

/** True for errors of TLS (certificate) verification, which waiting does not fix. */
export function isTlsErrorCode(code: string): boolean {
  return /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/.test(code);
}

/** What to do after a connection problem: a transfer retries by itself; a one-off request is for the user to repeat. */
function afterConnectionProblem(activity: ErrorContext['activity']): string {
  return activity === 'one-off' ? 'Check the internet connection, then try again.' : 'Check the internet connection. Dropsign retries by itself for a while.';
}

function networkInfo(code: string, activity: ErrorContext['activity']): ErrorInfo {
  const details = { errno: code };
  if (isTlsErrorCode(code)) {
    return {
      code: 'tls-error',
      message: `The server's security certificate could not be verified (${code}).`,
      hint: 'Check the endpoint (https:// and the right host name); a proxy or antivirus that inspects HTTPS, or a wrong system clock, can also cause this.',
      details,
    };
  }
  const [message, hint] = ((): [string, string] => {
    switch (code) {
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return ["Cannot find the server's address (the DNS lookup failed).", "Check the internet connection and the endpoint's host name."];
      case 'ECONNREFUSED':
        return ['The server refused the connection.', 'Check the endpoint and its port; for the local bucket, check that it is running.'];
      case 'ETIMEDOUT':
      case 'UND_ERR_CONNECT_TIMEOUT':
        return ['The connection to the server timed out.', afterConnectionProblem(activity)];
      case 'ENETUNREACH':
      case 'EHOSTUNREACH':
      case 'ENETDOWN':
        return ['The network is unreachable; the computer may be offline.', afterConnectionProblem(activity)];
      case 'ECONNRESET':
      case 'EPIPE':
      case 'ECONNABORTED':
      case 'UND_ERR_SOCKET':
        return [activity === 'one-off' ? 'The connection was cut off.' : 'The connection was cut off during the upload.', afterConnectionProblem(activity)];
      default:
        return [`The network request failed (${code}).`, afterConnectionProblem(activity)];
    }
  })();
  return { code: 'network-error', message, hint, details };
}

/**
 * The typed error for a failed attempt. Network errors are described by their code only (an error's
 * message may quote the URL, whose query holds the signature). HTTP answers go through {@link ossErrorInfo}.
 */
export function attemptErrorInfo(failure: AttemptFailure, context: ErrorContext = {}): ErrorInfo {
  switch (failure.kind) {
    case 'network':
      return networkInfo(failure.code, context.activity);
    case 'http':
      return ossErrorInfo(failure, context);
    case 'integrity': {
      const what = failure.algorithm === 'md5' ? 'MD5' : 'CRC-64';
      return {
        code: 'integrity-mismatch',
        message: `The uploaded object's ${what} (${failure.actual}) does not match the file's (${failure.expected}).`,
        hint: 'The file may have changed while it was uploading, or the data was damaged on the way; upload it again.',
        details: { expected: failure.expected, actual: failure.actual, algorithm: what },
      };
    }
    case 'timeout':
      return context.activity === 'one-off'
        ? { code: 'request-timeout', message: 'The server stopped responding.', hint: afterConnectionProblem('one-off') }
        : {
            code: 'request-timeout',
            message: 'The server stopped responding during the upload.',
            hint: 'Check the internet connection; on a slow connection, upload fewer files at once.',
          };
  }
}
