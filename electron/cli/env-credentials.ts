/**
 * Credentials for the CLI come from the environment, in each ecosystem's own variable names, and never
 * from flags (a flag ends up in shell history, `ps` output and CI logs).
 *
 * - OSS schemes (`oss-v4`, `oss-v1`): `OSS_ACCESS_KEY_ID`, `OSS_ACCESS_KEY_SECRET`, `OSS_SESSION_TOKEN`
 * - `s3-v4`: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`
 *
 * The session token is optional (STS / temporary credentials). Empty variables count as unset.
 */
import { DropsignError } from '../shared/errors.js';
import type { Credentials, SigningScheme } from '../shared/signing.js';

/** The names of the environment variables one ecosystem reads its credentials from. */
export interface CredentialEnvNames {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly sessionToken: string;
}

/** Alibaba Cloud's names, as read by ossutil and the OSS SDKs. */
export const OSS_CREDENTIAL_ENV: CredentialEnvNames = {
  accessKeyId: 'OSS_ACCESS_KEY_ID',
  accessKeySecret: 'OSS_ACCESS_KEY_SECRET',
  sessionToken: 'OSS_SESSION_TOKEN',
};

/** AWS's names, as read by the AWS CLI and SDKs. */
export const AWS_CREDENTIAL_ENV: CredentialEnvNames = {
  accessKeyId: 'AWS_ACCESS_KEY_ID',
  accessKeySecret: 'AWS_SECRET_ACCESS_KEY',
  sessionToken: 'AWS_SESSION_TOKEN',
};

/** Which variables a signing scheme reads. */
export function credentialEnvNames(scheme: SigningScheme): CredentialEnvNames {
  return scheme === 's3-v4' ? AWS_CREDENTIAL_ENV : OSS_CREDENTIAL_ENV;
}

/**
 * Reads the credentials for `scheme` from `env`. Throws `missing-credentials`, naming exactly the variables
 * to set, when the access key id or secret is unset or empty. Values are passed on unaltered (the signer
 * validates them) and never appear in an error.
 */
export function credentialsFromEnv(
  scheme: SigningScheme,
  env: Readonly<Record<string, string | undefined>>,
): Credentials {
  const names = credentialEnvNames(scheme);
  const accessKeyId = nonEmpty(env[names.accessKeyId]);
  const accessKeySecret = nonEmpty(env[names.accessKeySecret]);
  const securityToken = nonEmpty(env[names.sessionToken]);
  if (accessKeyId === undefined || accessKeySecret === undefined) {
    const missing = [
      ...(accessKeyId === undefined ? [names.accessKeyId] : []),
      ...(accessKeySecret === undefined ? [names.accessKeySecret] : []),
    ];
    throw new DropsignError(
      'missing-credentials',
      `No credentials for ${scheme}: set ${missing.join(' and ')} in the environment.`,
      `Also set ${names.sessionToken} when using STS / temporary credentials.`,
      { scheme, missing: missing.join(',') },
    );
  }
  return securityToken === undefined
    ? { accessKeyId, accessKeySecret }
    : { accessKeyId, accessKeySecret, securityToken };
}

/**
 * Every secret value (access key secrets and session tokens of both ecosystems) present in `env`, for
 * scrubbing error output. Access key ids are not secrets and are not listed.
 */
export function secretEnvValues(env: Readonly<Record<string, string | undefined>>): readonly string[] {
  const names = [OSS_CREDENTIAL_ENV, AWS_CREDENTIAL_ENV].flatMap((n) => [n.accessKeySecret, n.sessionToken]);
  return names.map((name) => nonEmpty(env[name])).filter((value) => value !== undefined);
}

/** Flag names that look like a credential: `--secret`, `--access-key-id`, `--session-token`, `--sk`... */
const CREDENTIAL_FLAG = /secret|token|password|passwd|credential|access-?key|^key-?id$|^(ak|sk|sts)$/i;

/**
 * Refuses credentials given as flags, before any parsing, so the value is never echoed: throws
 * `credentials-in-arguments` naming the flag (not its value) and the variables to use instead. Arguments
 * after a lone `--` are not flags and are not inspected.
 */
export function refuseCredentialFlags(args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.replace(/^--?/, '').split('=', 1)[0] ?? '';
    if (!CREDENTIAL_FLAG.test(name)) continue;
    const oss = OSS_CREDENTIAL_ENV;
    const aws = AWS_CREDENTIAL_ENV;
    throw new DropsignError(
      'credentials-in-arguments',
      `Credentials are not accepted as command-line options (--${name}); set them in the environment.`,
      `OSS: ${oss.accessKeyId}, ${oss.accessKeySecret} [, ${oss.sessionToken}]. ` +
        `S3: ${aws.accessKeyId}, ${aws.accessKeySecret} [, ${aws.sessionToken}].`,
      { flag: name },
    );
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
