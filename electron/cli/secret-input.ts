/**
 * Reads a profile's secret (and STS token) the only two ways Dropsign accepts it: a prompt that does not
 * echo, or standard input with `--secret-stdin` (secret on the first line, token on the second). Never
 * from an argument: arguments end up in shell history, `ps` output and CI logs.
 */
import { validateCredentials } from '../core/signing/validate-credentials.js';
import type { StoredSecret } from '../core/secrets/stored-secret.js';
import { DropsignError } from '../shared/errors.js';
import { parseDurationSeconds } from './duration.js';
import { parseIsoInstant } from './iso-time.js';
import type { ProfileCli } from './profile-cli-context.js';

/** How the secret comes in. */
export interface SecretInputOptions {
  readonly accessKeyId: string;
  readonly fromStdin: boolean;
  readonly withSessionToken: boolean;
  /** `--session-token-expires`: an ISO 8601 time or a duration from now (`1h`). */
  readonly tokenExpires?: string;
}

/** Reads the token expiry flag: an instant (`2025-01-02T03:04:05Z`) or a duration from now (`3600`, `1h`). */
export function parseTokenExpiry(value: string, nowMs: number): string {
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(value.trim())
    ? parseIsoInstant(value, '--session-token-expires')
    : nowMs + parseDurationSeconds(value, '--session-token-expires') * 1000;
  return new Date(instant).toISOString();
}

/** Splits piped input into its first two lines (a final line break is not part of a value). */
function lines(input: string): readonly string[] {
  return input.replace(/\r?\n$/, '').split(/\r?\n/);
}

/** Reads and checks the secret; the values are remembered in `cli.seenSecrets` for scrubbing. */
export async function readSecretInput(cli: ProfileCli, options: SecretInputOptions): Promise<StoredSecret> {
  if (options.tokenExpires !== undefined && !options.withSessionToken) {
    throw new DropsignError('invalid-argument', '--session-token-expires needs --with-session-token.', 'Add --with-session-token, or drop the expiry.');
  }
  const tokenExpiresAt = options.tokenExpires === undefined ? undefined : parseTokenExpiry(options.tokenExpires, cli.io.now());
  let secret: string;
  let token: string | undefined;
  if (options.fromStdin) {
    const [first = '', second] = lines(await cli.terminal.readStdin());
    secret = first;
    token = options.withSessionToken ? second : undefined;
    if (options.withSessionToken && (token === undefined || token === '')) {
      throw new DropsignError(
        'missing-credentials',
        'No security token on the second line of standard input.',
        'Pipe the secret, a line break, then the token; or drop --with-session-token.',
      );
    }
  } else if (cli.terminal.interactive) {
    secret = await cli.terminal.askSecret('AccessKey secret (not shown): ');
    token = options.withSessionToken ? await cli.terminal.askSecret('Security token (STS, not shown): ') : undefined;
  } else {
    throw new DropsignError(
      'secret-input-unavailable',
      'There is no terminal to ask for the secret on.',
      'Pipe it in with --secret-stdin, for example: printf "%s\\n" "$SECRET" | dropsign profile add ... --secret-stdin.',
    );
  }
  cli.seenSecrets.push(secret, ...(token === undefined ? [] : [token]));
  if (secret === '') {
    throw new DropsignError('missing-credentials', 'No secret was given.', 'Type or pipe the AccessKey secret issued with the AccessKey ID.');
  }
  // The signer's own checks: whitespace, control characters, broken Unicode; messages never quote the value.
  validateCredentials({ accessKeyId: options.accessKeyId, accessKeySecret: secret, ...(token === undefined ? {} : { securityToken: token }) });
  return {
    accessKeySecret: secret,
    ...(token === undefined ? {} : { securityToken: token }),
    ...(tokenExpiresAt === undefined ? {} : { securityTokenExpiresAt: tokenExpiresAt }),
  };
}
