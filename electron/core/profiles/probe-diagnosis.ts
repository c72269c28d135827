/**
 * What the answer to a profile's probe (a signed ListObjects with max-keys=1) means, in the terms of the
 * profile: wrong AccessKey ID, wrong secret, wrong region (and the bucket's real one), missing bucket,
 * clock skew (and by how much), missing permission, expired STS token, or a network, TLS or proxy failure,
 * each with the command that fixes it. Server answers go through the transfer layer's OSS error reading
 * (core/transfer/oss-error-info.ts); this module sharpens its hints for a profile. Pure; nothing secret in
 * any output (the access key id is not a secret).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ErrorInfo } from '../../shared/errors.js';
import { attemptErrorInfo, isTlsErrorCode } from '../transfer/attempt-failure.js';
import { httpFailureFromResponse, type HttpFailure } from '../transfer/http-failure.js';
import { clockOffsetFrom, describeDuration, ossErrorInfo } from '../transfer/oss-error-info.js';
import type { ProxyRoute } from '../net/proxy-route.js';

/** What the diagnosis knows about the probe. */
export interface ProbeContext {
  readonly profileName: string;
  readonly builtIn: boolean;
  readonly accessKeyId: string;
  readonly bucket: string;
  readonly region: string;
  /** The endpoint URL the request went to. */
  readonly endpoint: string;
  readonly route: ProxyRoute;
  /** The local clock when the answer arrived. */
  readonly receivedAtMs: number;
}

/** An answer as the probe received it. */
export interface ProbeAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

type Details = Record<string, string | number | boolean>;

/** `dropsign profile add NAME --replace ...`: the command that changes one field of the profile. */
function fixCommand(context: ProbeContext, flags: string): string {
  return `dropsign profile add ${context.profileName} --replace ${flags}`;
}

function clockAdvice(offsetMs: number | undefined): { message: string; offset: Details } {
  if (offsetMs === undefined) return { message: "Your computer's clock is too far from the server's", offset: {} };
  const direction = offsetMs > 0 ? 'behind' : 'ahead of';
  return {
    message: `Your computer's clock is ${describeDuration(offsetMs)} ${direction} the server's`,
    offset: { clockOffsetMs: offsetMs },
  };
}

/** Hints for a server answer, by code, in terms of the profile. */
function sharpen(info: ErrorInfo, failure: HttpFailure, context: ProbeContext): ErrorInfo {
  const details: Details = { ...info.details, profile: context.profileName };
  switch (info.code) {
    case 'invalid-access-key':
      return {
        code: info.code,
        message: `Wrong AccessKey ID: the server does not know ${context.accessKeyId}.`,
        hint: `Check the AccessKey ID in the RAM console (it may be deleted, disabled, or from another account or cloud), then: ${fixCommand(context, '--access-key-id ID')}.`,
        details,
      };
    case 'signature-mismatch':
      return {
        code: info.code,
        message: `Wrong secret: the AccessKey ID ${context.accessKeyId} is known, but the stored secret does not match it.`,
        hint: `Enter the secret issued with this AccessKey ID: ${fixCommand(context, '--secret-stdin')} (or without --secret-stdin to be prompted).`,
        details,
      };
    case 'wrong-region': {
      const region = typeof info.details?.['bucketRegion'] === 'string' ? info.details['bucketRegion'] : undefined;
      return {
        code: info.code,
        message: region === undefined ? `Wrong region or endpoint: ${info.message}` : `Wrong region: the bucket is in ${region}, but the profile says ${context.region}.`,
        hint: region === undefined ? info.hint : `Set the region (and the endpoint, if it is a custom one) to ${region}: ${fixCommand(context, `--region ${region}`)}.`,
        details,
      };
    }
    case 'no-such-bucket':
      return {
        code: info.code,
        message: `Missing bucket: there is no bucket ${JSON.stringify(context.bucket)} at ${context.endpoint}.`,
        hint: `Check the bucket name and its region in the console, then: ${fixCommand(context, '--bucket NAME')}.`,
        details,
      };
    case 'clock-skew':
    case 'url-expired': {
      // A probe URL is signed the moment it is sent and lives 15 minutes, so "expired" also means the clock.
      const advice = clockAdvice(clockOffsetFrom(failure, context.receivedAtMs));
      return {
        code: 'clock-skew',
        message: `Clock skew: ${advice.message}; OSS and S3 refuse signatures more than 15 minutes off.`,
        hint: 'Turn on automatic date and time (network time) in the system settings, then test again.',
        details: { ...details, ...advice.offset },
      };
    }
    case 'access-denied':
      return {
        code: info.code,
        message: `Missing permission: the key and secret are right and the bucket exists, but this key may not list it (${info.message.replace(/\.$/, '')}).`,
        hint: `Grant the RAM user or role oss:ListObjects, oss:PutObject and oss:GetObject on ${context.bucket} (or its prefix), and check that no bucket policy denies them.`,
        details,
      };
    case 'credentials-expired':
      return {
        code: info.code,
        message: 'Expired token: the temporary (STS) credentials of this profile are no longer valid.',
        hint: `Get new STS credentials and store them: ${fixCommand(context, '--access-key-id ID --with-session-token --session-token-expires TIME')}.`,
        details,
      };
    default:
      return { ...info, details };
  }
}

/** True when the answer came from OSS or S3 (a request id or an `<Error>` body), not from a proxy. */
function fromStorage(failure: HttpFailure): boolean {
  return failure.ossCode !== undefined || failure.requestId !== undefined;
}

/** The problem an error answer reveals. */
export function diagnoseAnswer(answer: ProbeAnswer, context: ProbeContext): ErrorInfo {
  const failure = httpFailureFromResponse(answer.status, answer.headers, answer.body === '' ? undefined : answer.body);
  if (context.route.kind === 'proxy' && !fromStorage(failure)) {
    const proxy = `${context.route.display} (${context.route.variable})`;
    return answer.status === 407
      ? {
          code: 'proxy-failed',
          message: `Proxy failure: the proxy ${proxy} asks for a user name and password (407).`,
          hint: `Put them in the proxy URL: ${context.route.variable}=http://USER:PASSWORD@${context.route.proxy.host}.`,
          details: { status: 407, proxy: context.route.display },
        }
      : {
          code: 'proxy-failed',
          message: `Proxy failure: the proxy ${proxy} answered ${answer.status} instead of passing the request to ${new URL(context.endpoint).host}.`,
          hint: 'Check that the proxy allows this host, or list the host in NO_PROXY if it should be reached directly.',
          details: { status: answer.status, proxy: context.route.display },
        };
  }
  const info = ossErrorInfo(failure, { region: context.region, bucket: context.bucket, receivedAtMs: context.receivedAtMs, activity: 'one-off' });
  return sharpen(info, failure, context);
}

/** The problem a connection failure (`code`) or a timeout reveals. */
export function diagnoseConnectionFailure(outcome: { readonly kind: 'failed'; readonly code: string } | { readonly kind: 'timeout' }, context: ProbeContext, timeoutMs: number): ErrorInfo {
  const host = new URL(context.endpoint).host;
  const via = context.route.kind === 'proxy' ? context.route : undefined;
  if (outcome.kind === 'timeout') {
    return {
      code: 'request-timeout',
      message: `Network failure: no answer from ${host}${via === undefined ? '' : ` through the proxy ${via.display}`} within ${Math.round(timeoutMs / 1000)} seconds.`,
      hint: 'Check the network connection, the endpoint, and any firewall or proxy (HTTPS_PROXY, NO_PROXY) on the way.',
      details: { profile: context.profileName },
    };
  }
  const { code } = outcome;
  if (via !== undefined && !isTlsErrorCode(code)) {
    return {
      code: 'proxy-failed',
      message: `Proxy failure: cannot reach the proxy ${via.display} set in ${via.variable} (${code}).`,
      hint: `Check the proxy's address and that it is running; if ${host} should be reached directly, add it to NO_PROXY.`,
      details: { errno: code, proxy: via.display, profile: context.profileName },
    };
  }
  const base = attemptErrorInfo({ kind: 'network', code }, { activity: 'one-off' });
  const details: Details = { ...base.details, profile: context.profileName };
  if (base.code === 'tls-error') {
    return {
      ...base,
      message: `TLS failure: ${base.message}`,
      hint: via === undefined ? base.hint : `The proxy ${via.display} may be inspecting HTTPS: add its CA certificate to the system, or list ${host} in NO_PROXY.`,
      details,
    };
  }
  if (context.builtIn && code === 'ECONNREFUSED') {
    return { ...base, message: 'Network failure: the local bucket is not running.', hint: 'Start it with `dropsign start` (or `npm start`), then test again.', details };
  }
  return { ...base, message: `Network failure: ${base.message}`, details };
}
