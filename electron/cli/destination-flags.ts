/**
 * Where a command sends its requests and with which credentials, from `--profile NAME` / `--no-profile`
 * and the explicit destination flags (`--scheme`, `--endpoint`, `--style`, `--bucket`, `--region`), for
 * `dropsign sign`, `dropsign upload` and any later command that talks to a bucket.
 *
 * Precedence (also in DESTINATION_USAGE):
 * 1. `--profile NAME`: that profile; explicit flags override its fields; credentials from its secret store.
 * 2. `--no-profile`: the flags alone, credentials from the environment (OSS_* / AWS_* by scheme).
 * 3. Neither: the default profile, if one was chosen with `dropsign profile default` (flags override it).
 * 4. No default chosen: with `fallback: 'environment'` (sign), the flags and environment credentials, as
 *    before profiles existed; with `fallback: 'local-profile'` (upload), the built-in `local` profile unless
 *    `--endpoint` is given, in which case the flags and environment credentials.
 */
import { endpointUrl } from '../core/profiles/profile-endpoint.js';
import type { ProfileCredentials } from '../core/profiles/profile-credentials.js';
import type { Profile } from '../core/profiles/profile-schema.js';
import { resolveLocalProfile, resolveProfile, storedDefaultProfile, type ResolvedProfile } from '../core/profiles/resolve-profile.js';
import { formatInstant } from '../core/profiles/sts-expiry.js';
import { DropsignError } from '../shared/errors.js';
import { ADDRESSING_STYLES, SIGNING_SCHEMES, type AddressingStyle, type SigningScheme } from '../shared/signing.js';
import { credentialsFromEnv } from './env-credentials.js';
import type { FlagValues } from './parse-args.js';
import type { ProfileCli } from './profile-cli-context.js';

/** The flags, to spread into a command's flag specs. */
export const DESTINATION_FLAGS = {
  profile: { type: 'string' },
  'no-profile': { type: 'boolean' },
  scheme: { type: 'string' },
  endpoint: { type: 'string' },
  style: { type: 'string' },
  bucket: { type: 'string' },
  region: { type: 'string' },
} as const;

/** Parsed destination flags (a command's parsed flags fit, having these among others). */
export type DestinationFlagValues = FlagValues<typeof DESTINATION_FLAGS>;

/** Help text for the profile part (each command documents --endpoint etc. in its own words). */
export const DESTINATION_USAGE = `Profiles (see dropsign profile --help):
  --profile NAME                     Use profile NAME: its destination and its secret from the keychain.
                                     Explicit --scheme/--endpoint/--style/--bucket/--region override it.
  --no-profile                       Ignore profiles: the options and environment credentials only.
  Without either: the default profile if one was chosen (dropsign profile default NAME), else the
  options with credentials from the environment.
`;

/** What to do when neither a profile flag nor a stored default says. See the module comment. */
export type DestinationFallback = 'environment' | 'local-profile';

/** A destination ready to sign for. */
export interface ResolvedDestination {
  /** A profile (how it was chosen) or the flags alone. */
  readonly source:
    | { readonly kind: 'profile'; readonly name: string; readonly selectedBy: ResolvedProfile['selectedBy']; readonly builtIn: boolean }
    | { readonly kind: 'flags' };
  /** The profile, with the flag overrides applied; absent for the flags alone. */
  readonly profile?: Profile;
  readonly scheme: SigningScheme;
  readonly endpoint: string;
  readonly style: AddressingStyle;
  readonly bucket: string;
  readonly region?: string;
  /** Upload key prefix ('' without a profile). */
  readonly keyPrefix: string;
  readonly keyTemplate?: string;
  /** Default link validity: the profile's, else 3600 s. */
  readonly linkExpirySeconds: number;
  readonly customDomain?: string;
  readonly publicUrlTemplate?: string;
  readonly credentials: ProfileCredentials;
}

/** Default link validity without a profile (as `dropsign sign` always had). */
const FLAGS_LINK_EXPIRY_SECONDS = 3600;

/** The value of `flag` if it is one of `allowed`; throws `code` naming the choices. */
function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], code: 'invalid-scheme' | 'invalid-style'): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new DropsignError(code, `${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}.`, 'Run the command with --help for the options.', { flag });
  }
  return found;
}

/** `--scheme` and `--style`, checked before anything else is read. */
interface Choices {
  readonly scheme: SigningScheme | undefined;
  readonly style: AddressingStyle | undefined;
}

/** The destination from the flags and environment credentials alone. */
function fromFlags(flags: DestinationFlagValues, choices: Choices, env: Readonly<Record<string, string | undefined>>): ResolvedDestination {
  for (const required of ['endpoint', 'bucket'] as const) {
    if (flags[required] === undefined) {
      throw new DropsignError(
        'missing-argument',
        `Missing required option --${required}.`,
        'Give the destination with --endpoint and --bucket, or use a profile with --profile NAME.',
        { flag: required },
      );
    }
  }
  const scheme = choices.scheme ?? 'oss-v4';
  return {
    source: { kind: 'flags' },
    scheme,
    endpoint: flags.endpoint ?? '',
    style: choices.style ?? 'virtual-hosted',
    bucket: flags.bucket ?? '',
    ...(flags.region === undefined ? {} : { region: flags.region }),
    keyPrefix: '',
    linkExpirySeconds: FLAGS_LINK_EXPIRY_SECONDS,
    credentials: credentialsFromEnv(scheme, env),
  };
}

/** The destination of a profile with the explicit flags applied on top. */
async function fromProfile(resolved: ResolvedProfile, flags: DestinationFlagValues, choices: Choices, cli: ProfileCli): Promise<ResolvedDestination> {
  const { profile } = resolved;
  const credentials = await resolved.credentials();
  cli.seenSecrets.push(credentials.accessKeySecret, ...(credentials.securityToken === undefined ? [] : [credentials.securityToken]));
  const expiresAt = credentials.securityTokenExpiresAt;
  if (expiresAt !== undefined && Date.parse(expiresAt) <= cli.io.now()) {
    throw new DropsignError(
      'credentials-expired',
      `The temporary (STS) credentials of profile "${profile.name}" expired at ${formatInstant(expiresAt)}.`,
      `Get new STS credentials and store them: dropsign profile add ${profile.name} --replace --access-key-id ID --with-session-token --session-token-expires TIME.`,
      { profile: profile.name },
    );
  }
  return {
    source: { kind: 'profile', name: profile.name, selectedBy: resolved.selectedBy, builtIn: resolved.builtIn },
    profile,
    scheme: choices.scheme ?? profile.scheme,
    endpoint: flags.endpoint ?? endpointUrl(profile),
    style: choices.style ?? profile.style,
    bucket: flags.bucket ?? profile.bucket,
    region: flags.region ?? profile.region,
    keyPrefix: profile.keyPrefix,
    ...(profile.keyTemplate === undefined ? {} : { keyTemplate: profile.keyTemplate }),
    linkExpirySeconds: profile.linkExpirySeconds,
    ...(profile.customDomain === undefined ? {} : { customDomain: profile.customDomain }),
    ...(profile.publicUrlTemplate === undefined ? {} : { publicUrlTemplate: profile.publicUrlTemplate }),
    credentials,
  };
}

/**
 * Resolves the destination (see the module comment for the precedence). Secrets read on the way are added
 * to `cli.seenSecrets`, so the caller can scrub them from any error output. Throws typed errors: unknown
 * profile, no keychain, secret missing, expired STS credentials, missing --endpoint/--bucket, missing
 * environment credentials.
 */
export async function resolveDestinationFromFlags(
  flags: DestinationFlagValues,
  cli: ProfileCli,
  options: { readonly fallback: DestinationFallback },
): Promise<ResolvedDestination> {
  if (flags.profile !== undefined && flags['no-profile'] === true) {
    throw new DropsignError('invalid-argument', '--profile and --no-profile contradict each other.', 'Give one of them.');
  }
  const choices: Choices = {
    scheme: choice('--scheme', flags.scheme, SIGNING_SCHEMES, 'invalid-scheme'),
    style: choice('--style', flags.style, ADDRESSING_STYLES, 'invalid-style'),
  };
  if (flags.profile !== undefined) return fromProfile(await resolveProfile(flags.profile, cli), flags, choices, cli);
  if (flags['no-profile'] === true) return fromFlags(flags, choices, cli.io.env);
  const chosen = await storedDefaultProfile(cli);
  if (chosen !== undefined) return fromProfile(await resolveProfile(undefined, cli), flags, choices, cli);
  if (options.fallback === 'local-profile' && flags.endpoint === undefined) {
    return fromProfile(await resolveLocalProfile(cli.appDataDir, 'fallback'), flags, choices, cli);
  }
  return fromFlags(flags, choices, cli.io.env);
}
