/**
 * `dropsign sign`: prints a presigned URL (or a JSON description, or a curl command) for one request to
 * Alibaba Cloud OSS or an S3-compatible store. The destination and credentials come from a profile
 * (`--profile`, or the default one) or from the options and the environment; see destination-flags.ts for
 * the precedence. Never from arguments.
 */
import { linkOutlivesToken } from '../../core/profiles/sts-expiry.js';
import { presign } from '../../core/signing/presign.js';
import { DropsignError } from '../../shared/errors.js';
import {
  HTTP_METHODS,
  type AddressingStyle,
  type HttpMethod,
  type PresignRequest,
  type PresignResult,
  type SigningClock,
  type SigningScheme,
} from '../../shared/signing.js';
import { curlCommand, UPLOAD_METHODS } from '../curl-command.js';
import { parseDurationSeconds } from '../duration.js';
import { DESTINATION_FLAGS, DESTINATION_USAGE, resolveDestinationFromFlags } from '../destination-flags.js';
import { refuseCredentialFlags } from '../env-credentials.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { parseIsoInstant } from '../iso-time.js';
import { checkReadableFile } from '../local-file.js';
import { parseFlags } from '../parse-args.js';
import { DEFAULT_PROFILE_CLI_DEPS, openProfileCli, type ProfileCli, type ProfileCliDeps } from '../profile-cli-context.js';
import { reportProfileError } from '../profile-error-report.js';
import { parseHeaderFlags, parseHeaderNameFlags, parseQueryFlags } from '../request-flags.js';

/** Defaults of the optional flags. */
export const SIGN_DEFAULTS = {
  scheme: 'oss-v4',
  method: 'GET',
  style: 'virtual-hosted',
  expiresInSeconds: 3600,
} as const satisfies {
  readonly scheme: SigningScheme;
  readonly method: HttpMethod;
  readonly style: AddressingStyle;
  readonly expiresInSeconds: number;
};

const FLAGS = {
  ...DESTINATION_FLAGS,
  method: { type: 'string' },
  key: { type: 'string' },
  expires: { type: 'string' },
  at: { type: 'string' },
  header: { type: 'string', multiple: true },
  'additional-header': { type: 'string', multiple: true },
  query: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  curl: { type: 'string' },
} as const;

const USAGE = `Usage: dropsign sign [--profile NAME] [--endpoint URL --bucket BUCKET] [--key KEY] [OPTIONS]

Prints a presigned URL for one request to Alibaba Cloud OSS or an S3-compatible store.

Request:
  --scheme oss-v4|oss-v1|s3-v4       Signing scheme. Default: the profile's, else oss-v4.
  --method GET|PUT|HEAD|DELETE|POST  HTTP method (any case). Default: GET.
  --endpoint URL                     Required without a profile. The endpoint with http(s)://, e.g.
                                     https://oss-cn-hangzhou.aliyuncs.com or http://127.0.0.1:9000;
                                     for --style cname, the custom domain bound to the bucket.
  --style virtual-hosted|path|cname  Bucket addressing. Default: the profile's, else virtual-hosted.
  --bucket BUCKET                    Required without a profile. The bucket name.
  --key KEY                          The object key, as is (not percent-encoded). Omit it for
                                     bucket-level requests.
  --region REGION                    The bucket's bare region id (cn-hangzhou, us-east-1). Required by
                                     oss-v4 and s3-v4 (a profile gives it).
  --expires DURATION                 How long the URL works: seconds (3600) or a number with a unit
                                     s, m, h or d (90s, 15m, 1h, 7d). Default: the profile's link expiry,
                                     else 3600. V4: at most 7d. With temporary (STS) credentials, a link
                                     that would outlive the token is warned about: it dies with the token.
  --at TIME                          Sign as of TIME instead of now, for reproducible output: ISO 8601
                                     with Z or an offset (2024-11-12T08:32:38Z, ...T16:32:38+08:00).
  --header 'Name: value'             A header the client will send; the signature binds its value.
                                     Repeatable.
  --additional-header NAME           oss-v4 only: also sign the header NAME (e.g. host). Repeatable.
  --query NAME[=VALUE]               A query parameter, raw (not percent-encoded). A bare NAME has no
                                     value (--query uploads); a=b=c is a with value b=c. Repeatable.

Output (default: the URL alone on one line):
  --json                             One JSON object on one line:
                                     {"url","method","signedHeaders","expiresAt","signedAt"}.
  --curl FILE                        A curl command instead (a "curl" field with --json) that sends
                                     exactly the signed headers. PUT and POST upload FILE, which must
                                     be a readable file; GET, HEAD and DELETE save the response to FILE.

${DESTINATION_USAGE}
Credentials come from the profile's secret store (the OS keychain), or without a profile from the
environment; never from options:
  oss-v4, oss-v1  OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET, OSS_SESSION_TOKEN (STS only)
  s3-v4           AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (STS only)

Exit status: 0 done; 2 bad input (one line on stderr); 1 failure at run time (FILE unreadable).

Examples:
  dropsign sign --profile prod --key 2024/cat.jpg --expires 15m
  dropsign sign --endpoint https://oss-cn-hangzhou.aliyuncs.com --region cn-hangzhou \\
    --bucket photos --key 2024/cat.jpg --expires 15m
  dropsign sign --method PUT --endpoint https://oss-cn-hangzhou.aliyuncs.com --region cn-hangzhou \\
    --bucket photos --key notes.txt --header 'Content-Type: text/plain' --curl notes.txt
  dropsign sign --scheme s3-v4 --style path --endpoint http://127.0.0.1:9000 --region us-east-1 \\
    --bucket dev --key big.bin --method POST --query uploads --json
  dropsign sign --scheme oss-v1 --endpoint https://oss-cn-hangzhou.aliyuncs.com --bucket photos \\
    --key cat.jpg --query versionId=CAEQ --at 2024-11-12T08:32:38Z
`;

/** `dropsign sign` with injectable profile edges (tests pass a memory keychain). */
export function createSignCommand(deps: ProfileCliDeps = DEFAULT_PROFILE_CLI_DEPS): CliCommand {
  return {
    usage: USAGE,
    run: async (args, io) => {
      const cli = openProfileCli(io, deps);
      try {
        return await runSign(args, io, cli);
      } catch (error) {
        // Whatever went wrong, the report holds no secret (environment or profile) and stays on one line.
        return reportProfileError(error, io, cli.seenSecrets);
      }
    },
  };
}

/** `dropsign sign`. */
export const signCommand: CliCommand = createSignCommand();

async function runSign(args: readonly string[], io: CliIo, cli: ProfileCli): Promise<ExitCode> {
  refuseCredentialFlags(args);
  const flags = parseFlags(args, { command: 'sign', flags: FLAGS });

  const method = oneOf(
    '--method',
    (flags.method ?? SIGN_DEFAULTS.method).toUpperCase(),
    HTTP_METHODS,
    'invalid-method',
  );
  const additionalHeaders = parseHeaderNameFlags(flags['additional-header'] ?? []);
  const headers = parseHeaderFlags(flags.header ?? []);
  const query = parseQueryFlags(flags.query ?? []);
  const expires = flags.expires === undefined ? undefined : parseDurationSeconds(flags.expires, '--expires');
  const clock = fixedOrLiveClock(flags.at, io);
  if (flags.curl !== undefined && UPLOAD_METHODS.has(method)) {
    await checkReadableFile(flags.curl, io.cwd, '--curl');
  }
  const destination = await resolveDestinationFromFlags(flags, cli, { fallback: 'environment' });

  const request: PresignRequest = {
    scheme: destination.scheme,
    method,
    // Endpoint, bucket, key, region (required by V4), headers and query are validated by the signer.
    endpoint: destination.endpoint,
    style: destination.style,
    bucket: destination.bucket,
    ...(flags.key === undefined ? {} : { key: flags.key }),
    ...(destination.region === undefined ? {} : { region: destination.region }),
    expiresInSeconds: expires ?? destination.linkExpirySeconds,
    headers,
    ...(additionalHeaders.length === 0 ? {} : { additionalHeaders }),
    query,
  };
  const { securityTokenExpiresAt, ...credentials } = destination.credentials;
  const result = presign(credentials, request, clock);
  const outlives = linkOutlivesToken(result.expiresAt, securityTokenExpiresAt);
  if (outlives !== undefined) io.err(`dropsign: warning: ${outlives}\n`);

  const curl = flags.curl === undefined ? undefined : curlCommand(result, flags.curl);
  if (flags.json === true) {
    io.out(`${JSON.stringify(jsonOutput(result, curl))}\n`);
  } else {
    io.out(`${curl ?? result.url}\n`);
  }
  return 0;
}

/** The `--json` document: the PresignResult fields in a fixed order, plus `curl` with `--curl`. */
function jsonOutput(result: PresignResult, curl: string | undefined): Record<string, unknown> {
  const base = {
    url: result.url,
    method: result.method,
    signedHeaders: result.signedHeaders,
    expiresAt: result.expiresAt,
    signedAt: result.signedAt,
  };
  return curl === undefined ? base : { ...base, curl };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[], code: 'invalid-method'): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new DropsignError(
      code,
      `${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`,
      'Run `dropsign sign --help` for the options.',
      { flag },
    );
  }
  return found;
}

function fixedOrLiveClock(at: string | undefined, io: CliIo): SigningClock {
  if (at === undefined) return { now: () => io.now() };
  const fixed = parseIsoInstant(at, '--at');
  return { now: () => fixed };
}
