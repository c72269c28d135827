/**
 * What a profile test (`profiles:test`) found, in the user's terms: which checks passed, which one failed,
 * and which kind of failure it was (wrong key, wrong secret, wrong region and the right one, missing
 * bucket, clock skew and by how much, missing permission, expired token, network, TLS or proxy). The host
 * diagnoses (electron/core/profiles/probe-diagnosis.ts); this reads its code and details. Pure.
 */
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ProbeReportView } from '../../../../electron/shared/ipc/profile-types.js';
import type { profiles } from '../../i18n/locales/en/profiles.js';

/** What one signed listing proves, in the order a server gets to them. */
export const PROBE_CHECKS = ['reach', 'clock', 'key', 'secret', 'region', 'bucket', 'permission'] as const;

/** One of {@link PROBE_CHECKS}. */
export type ProbeCheck = (typeof PROBE_CHECKS)[number];

/** A check's result; `unchecked` when the failure came before it (or says nothing about it). */
export type CheckState = 'passed' | 'failed' | 'unchecked';

/** The kinds of failure the report explains (keys of the `probe.kinds` catalog). */
export type ProbeFailureKind = keyof typeof profiles.probe.kinds;

/** What the report shows. */
export type ProbeOutcome =
  | {
      readonly kind: 'passed';
      readonly checks: Readonly<Record<ProbeCheck, CheckState>>;
      readonly elapsedMs: number;
      readonly clockOffsetMs?: number;
      readonly requestId?: string;
    }
  | {
      readonly kind: 'failed';
      readonly failure: ProbeFailureKind;
      readonly checks: Readonly<Record<ProbeCheck, CheckState>>;
      /** Values the explanation names: the right region, the clock offset... */
      readonly values: Readonly<Record<string, string | number>>;
      readonly problem: ErrorInfo;
    };

/** What the test knew about the profile (the report does not repeat it). */
export interface ProbeSubject {
  readonly accessKeyId: string;
  readonly bucket: string;
  readonly region: string;
  readonly builtIn: boolean;
}

/** The checks with everything before `failed` (in the order given) passed and the rest unchecked. */
function checksUpTo(passed: readonly ProbeCheck[], failed: ProbeCheck | undefined): Record<ProbeCheck, CheckState> {
  const checks = Object.fromEntries(PROBE_CHECKS.map((check) => [check, 'unchecked'])) as Record<ProbeCheck, CheckState>;
  for (const check of passed) checks[check] = 'passed';
  if (failed !== undefined) checks[failed] = 'failed';
  return checks;
}

/** What each kind of failure proves passed, and which check it fails. */
const FAILED_CHECK: Readonly<Record<ProbeFailureKind, { readonly passed: readonly ProbeCheck[]; readonly failed?: ProbeCheck }>> = {
  network: { passed: [], failed: 'reach' },
  timeout: { passed: [], failed: 'reach' },
  tls: { passed: [], failed: 'reach' },
  proxy: { passed: [], failed: 'reach' },
  localBucketDown: { passed: [], failed: 'reach' },
  clockSkew: { passed: ['reach'], failed: 'clock' },
  wrongKey: { passed: ['reach'], failed: 'key' },
  tokenExpired: { passed: ['reach'], failed: 'key' },
  wrongSecret: { passed: ['reach', 'key'], failed: 'secret' },
  wrongRegion: { passed: ['reach'], failed: 'region' },
  wrongRegionUnknown: { passed: ['reach'], failed: 'region' },
  missingBucket: { passed: ['reach'], failed: 'bucket' },
  // The host says so: "the key and secret are right and the bucket exists, but this key may not list it".
  permission: { passed: ['reach', 'clock', 'key', 'secret', 'region', 'bucket'], failed: 'permission' },
  other: { passed: [] },
};

function detail(problem: ErrorInfo, name: string): string | number | undefined {
  const value = problem.details?.[name];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** The kind of failure `problem` is. */
export function failureKind(problem: ErrorInfo, subject: Pick<ProbeSubject, 'builtIn'>): ProbeFailureKind {
  switch (problem.code) {
    case 'invalid-access-key':
      return 'wrongKey';
    case 'signature-mismatch':
      return 'wrongSecret';
    case 'wrong-region':
      return typeof detail(problem, 'bucketRegion') === 'string' ? 'wrongRegion' : 'wrongRegionUnknown';
    case 'no-such-bucket':
      return 'missingBucket';
    case 'clock-skew':
    case 'url-expired':
      return 'clockSkew';
    case 'access-denied':
      return 'permission';
    case 'credentials-expired':
      return 'tokenExpired';
    case 'request-timeout':
      return 'timeout';
    case 'tls-error':
      return 'tls';
    case 'proxy-failed':
      return 'proxy';
    case 'network-error':
      return subject.builtIn && detail(problem, 'errno') === 'ECONNREFUSED' ? 'localBucketDown' : 'network';
    default:
      return 'other';
  }
}

/** Reads a test report. */
export function probeOutcome(report: ProbeReportView, subject: ProbeSubject): ProbeOutcome {
  if (report.ok) {
    return {
      kind: 'passed',
      checks: checksUpTo(PROBE_CHECKS, undefined),
      elapsedMs: report.elapsedMs,
      ...(report.clockOffsetMs === undefined ? {} : { clockOffsetMs: report.clockOffsetMs }),
      ...(report.requestId === undefined ? {} : { requestId: report.requestId }),
    };
  }
  const { problem } = report;
  const failure = failureKind(problem, subject);
  const { passed, failed } = FAILED_CHECK[failure];
  // A server that answered at all was reached, whatever it said.
  const answered = failure === 'other' && typeof detail(problem, 'status') === 'number';
  const offset = detail(problem, 'clockOffsetMs');
  const right = detail(problem, 'bucketRegion');
  return {
    kind: 'failed',
    failure,
    checks: checksUpTo(answered ? ['reach'] : passed, failed),
    values: {
      accessKeyId: subject.accessKeyId,
      bucket: subject.bucket,
      wrong: subject.region,
      endpoint: report.endpoint,
      ...(right === undefined ? {} : { right }),
      ...(typeof offset === 'number' ? { clockOffsetMs: offset } : {}),
    },
    problem,
  };
}
