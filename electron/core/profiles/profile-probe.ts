/**
 * Tests a profile for real: one signed ListObjects (`GET /?max-keys=1`, within the key prefix when the
 * profile has one, so prefix-scoped policies pass) through the proxy the environment names, and a precise
 * diagnosis of the answer (probe-diagnosis.ts) plus warnings (profile-warnings.ts). Nothing is written to
 * the bucket.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { PresignRequest } from '../../shared/signing.js';
import { httpGet, type GetOutcome, type HttpGetOptions } from '../net/http-get.js';
import { agentFor } from '../net/proxy.js';
import { describeRoute, proxyRouteFor, type ProxyEnv } from '../net/proxy-route.js';
import { presign } from '../signing/presign.js';
import { parseServerTime } from '../transfer/http-failure.js';
import { diagnoseAnswer, diagnoseConnectionFailure, type ProbeContext } from './probe-diagnosis.js';
import { endpointUrl } from './profile-endpoint.js';
import type { ProfileCredentials } from './profile-credentials.js';
import type { Profile } from './profile-schema.js';
import { clockWarning, mainlandChinaWarning, tokenWarning, type ProfileWarning } from './profile-warnings.js';

/**
 * Validity of the probe URL. Why 900 s: equal to the 15 minutes of clock difference OSS and S3 tolerate,
 * so a clock behind by less still passes (and is reported from the Date header as a warning), while one
 * behind by more gets "expired", which the diagnosis reads as clock skew.
 */
export const PROBE_EXPIRES_SECONDS = 900;

/**
 * How long the probe waits for an answer. Why 15 s: several round trips to another continent through a
 * proxy fit easily; a user waiting on `profile test` should not wait longer to hear the network is down.
 */
export const PROBE_TIMEOUT_MS = 15_000;

/** What the probe needs. */
export interface ProbeOptions {
  readonly profile: Profile;
  readonly credentials: ProfileCredentials;
  /** True for the built-in `local` profile (sharper advice when it is not running). */
  readonly builtIn?: boolean;
  /** The environment the proxy variables are read from. */
  readonly env: ProxyEnv;
  /** The local clock. */
  readonly now: () => number;
  readonly timeoutMs?: number;
  /** For testing: sends the request. Default {@link httpGet}. */
  readonly send?: (url: string, options: HttpGetOptions) => Promise<GetOutcome>;
}

/** The outcome. */
export type ProbeReport = {
  /** The endpoint URL tested. */
  readonly endpoint: string;
  /** `direct`, or `through the proxy http://proxy:3128 (HTTPS_PROXY)`. */
  readonly route: string;
  readonly warnings: readonly ProfileWarning[];
} & (
  | { readonly ok: true; readonly elapsedMs: number; readonly requestId?: string; readonly clockOffsetMs?: number }
  | { readonly ok: false; readonly problem: ErrorInfo }
);

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Runs the probe. Never throws for what the server or the network says; throws only for an unsignable profile. */
export async function probeProfile(options: ProbeOptions): Promise<ProbeReport> {
  const { profile, credentials, now } = options;
  const endpoint = endpointUrl(profile);
  const request: PresignRequest = {
    scheme: profile.scheme,
    method: 'GET',
    endpoint,
    style: profile.style,
    bucket: profile.bucket,
    region: profile.region,
    expiresInSeconds: PROBE_EXPIRES_SECONDS,
    query: [{ name: 'max-keys', value: '1' }, ...(profile.keyPrefix === '' ? [] : [{ name: 'prefix', value: profile.keyPrefix }])],
  };
  const signed = presign(credentials, request, { now });
  const target = new URL(signed.url);
  const route = proxyRouteFor(target, options.env);
  const staticWarnings = [mainlandChinaWarning(profile), tokenWarning(profile, credentials, now())].filter((w) => w !== undefined);
  const base = { endpoint, route: describeRoute(route) };
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let agent;
  try {
    agent = agentFor(target, options.env);
  } catch (error) {
    // An unusable proxy setting: reported as the problem, never bypassed.
    const info = (error as { toInfo?: () => ErrorInfo }).toInfo?.();
    if (info === undefined) throw error;
    return { ...base, ok: false, problem: info, warnings: staticWarnings };
  }
  const sentAt = now();
  const outcome = await (options.send ?? httpGet)(signed.url, { agent, timeoutMs, headers: signed.signedHeaders });
  agent.destroy();
  const receivedAt = now();
  const context: ProbeContext = {
    profileName: profile.name,
    builtIn: options.builtIn ?? false,
    accessKeyId: credentials.accessKeyId,
    bucket: profile.bucket,
    region: profile.region,
    endpoint,
    route,
    receivedAtMs: receivedAt,
  };
  if (outcome.kind !== 'answer') {
    return { ...base, ok: false, problem: diagnoseConnectionFailure(outcome, context, timeoutMs), warnings: staticWarnings };
  }
  if (outcome.status < 200 || outcome.status >= 300) {
    return { ...base, ok: false, problem: diagnoseAnswer(outcome, context), warnings: staticWarnings };
  }
  // The server's Date against the middle of the exchange: how far the local clock is off.
  const serverTime = parseServerTime(header(outcome.headers, 'date'));
  const clockOffsetMs = serverTime === undefined ? undefined : Math.round(serverTime - (sentAt + receivedAt) / 2);
  const requestId = header(outcome.headers, 'x-oss-request-id') ?? header(outcome.headers, 'x-amz-request-id');
  const clock = clockWarning(clockOffsetMs);
  return {
    ...base,
    ok: true,
    elapsedMs: receivedAt - sentAt,
    ...(requestId === undefined ? {} : { requestId }),
    ...(clockOffsetMs === undefined ? {} : { clockOffsetMs }),
    warnings: clock === undefined ? staticWarnings : [...staticWarnings, clock],
  };
}
