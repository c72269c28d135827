/**
 * `dropsign sign`: prints a presigned URL (or a JSON description, or a curl command) for one request to
 * Alibaba Cloud OSS or an S3-compatible store. Credentials come from the environment only.
 */
import { presign } from '../../core/signing/presign.js';
import { DropsignError } from '../../shared/errors.js';
import {
  ADDRESSING_STYLES,
  HTTP_METHODS,
  SIGNING_SCHEMES,
  type AddressingStyle,
  type HttpMethod,
  type PresignRequest,
  type PresignResult,
  type SigningClock,
  type SigningScheme,
} from '../../shared/signing.js';
import { curlCommand, UPLOAD_METHODS } from '../curl-command.js';
import { parseDurationSeconds } from '../duration.js';
import { credentialsFromEnv, refuseCredentialFlags, secretEnvValues } from '../env-credentials.js';
import type { CliCommand, CliIo, ExitCode } from '../io.js';
import { parseIsoInstant } from '../iso-time.js';
import { checkReadableFile } from '../local-file.js';
import { parseFlags } from '../parse-args.js';
import { redactError } from '../redact.js';
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
  scheme: { type: 'string' },
  method: { type: 'string' },
  endpoint: { type: 'string' },
  style: { type: 'string' },
  bucket: { type: 'string' },
  key: { type: 'string' },
  region: { type: 'string' },
  expires: { type: 'string' },
  at: { type: 'string' },
  header: { type: 'string', multiple: true },
  'additional-header': { type: 'string', multiple: true },
  query: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  curl: { type: 'string' },
} as const;

const USAGE = `Usage: dropsign sign --endpoint URL --bucket BUCKET [--key KEY] [OPTIONS]

Prints a presigned URL for one request to Alibaba Cloud OSS or an S3-compatible store.

Request:
  --scheme oss-v4|oss-v1|s3-v4       Signing scheme. Default: oss-v4.
  --method GET|PUT|HEAD|DELETE|POST  HTTP method (any case). Default: GET.
  --endpoint URL                     Required. The service endpoint with http:// or https://, e.g.
                                     https://oss-cn-hangzhou.aliyuncs.com or http://127.0.0.1:9000;
                                     for --style cname, the custom domain bound to the bucket.
  --style virtual-hosted|path|cname  Bucket addressing. Default: virtual-hosted.
  --bucket BUCKET                    Required. The bucket name.
  --key KEY                          The object key, as is (not percent-encoded). Omit it for
                                     bucket-level requests.
  --region REGION                    The bucket's bare region id (cn-hangzhou, us-east-1). Required by
                                     oss-v4 and s3-v4.
  --expires DURATION                 How long the URL works: seconds (3600) or a number with a unit
                                     s, m, h or d (90s, 15m, 1h, 7d). Default: 3600. V4: at most 7d.
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

Credentials come from the environment, never from options:
  oss-v4, oss-v1  OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET, OSS_SESSION_TOKEN (STS only)
  s3-v4           AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (STS only)

Exit status: 0 done; 2 bad input (one line on stderr); 1 failure at run time (FILE unreadable).

Examples:
  dropsign sign --endpoint https://oss-cn-hangzhou.aliyuncs.com --region cn-hangzhou \\
    --bucket photos --key 2024/cat.jpg --expires 15m
  dropsign sign --method PUT --endpoint https://oss-cn-hangzhou.aliyuncs.com --region cn-hangzhou \\
    --bucket photos --key notes.txt --header 'Content-Type: text/plain' --curl notes.txt
  dropsign sign --scheme s3-v4 --style path --endpoint http://127.0.0.1:9000 --region us-east-1 \\
    --bucket dev --key big.bin --method POST --query uploads --json
  dropsign sign --scheme oss-v1 --endpoint https://oss-cn-hangzhou.aliyuncs.com --bucket photos \\
    --key cat.jpg --query versionId=CAEQ --at 2024-11-12T08:32:38Z
`;

/** `dropsign sign`. */
export const signCommand: CliCommand = {
  summary: 'Print a presigned URL (or JSON, or a curl command) for one OSS or S3 request.',
  usage: USAGE,
  run: async (args, io) => {
    try {
      return await runSign(args, io);
    } catch (error) {
      // Whatever went wrong, the report holds no secret from the environment and stays on one line.
      throw redactError(error, secretEnvValues(io.env));
    }
  },
};

async function runSign(args: readonly string[], io: CliIo): Promise<ExitCode> {
  refuseCredentialFlags(args);
  const flags = parseFlags(args, { command: 'sign', flags: FLAGS, required: ['endpoint', 'bucket'] });

  const scheme = oneOf('--scheme', flags.scheme ?? SIGN_DEFAULTS.scheme, SIGNING_SCHEMES, 'invalid-scheme');
  const method = oneOf(
    '--method',
    (flags.method ?? SIGN_DEFAULTS.method).toUpperCase(),
    HTTP_METHODS,
    'invalid-method',
  );
  const style = oneOf('--style', flags.style ?? SIGN_DEFAULTS.style, ADDRESSING_STYLES, 'invalid-style');
  const additionalHeaders = parseHeaderNameFlags(flags['additional-header'] ?? []);

  const request: PresignRequest = {
    scheme,
    method,
    // Endpoint, bucket, key, region (required by V4), headers and query are validated by the signer.
    endpoint: flags.endpoint ?? '',
    style,
    bucket: flags.bucket ?? '',
    ...(flags.key === undefined ? {} : { key: flags.key }),
    ...(flags.region === undefined ? {} : { region: flags.region }),
    expiresInSeconds:
      flags.expires === undefined
        ? SIGN_DEFAULTS.expiresInSeconds
        : parseDurationSeconds(flags.expires, '--expires'),
    headers: parseHeaderFlags(flags.header ?? []),
    ...(additionalHeaders.length === 0 ? {} : { additionalHeaders }),
    query: parseQueryFlags(flags.query ?? []),
  };
  const clock = fixedOrLiveClock(flags.at, io);

  if (flags.curl !== undefined && UPLOAD_METHODS.has(method)) {
    await checkReadableFile(flags.curl, io.cwd, '--curl');
  }
  const credentials = credentialsFromEnv(scheme, io.env);
  const result = presign(credentials, request, clock);

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

function oneOf<T extends string>(
  flag: string,
  value: string,
  allowed: readonly T[],
  code: 'invalid-scheme' | 'invalid-method' | 'invalid-style',
): T {
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
