/**
 * `dropsign profile add NAME ...`: saves a profile, its secret going only to the secret store (the OS
 * keychain unless `--secret-store encrypted-file`). With `--replace` it changes an existing profile: the
 * given fields change, the others stay, and the secret is asked for again (rotation) unless
 * `--keep-secret`. The secret store is checked before anything is asked, and when it cannot be used
 * nothing is written anywhere.
 */
import { profileAccount } from '../../core/secrets/stored-secret.js';
import { requireAvailable } from '../../core/secrets/secret-store.js';
import { deleteProfileSecret, readProfileSecret, writeProfileSecret } from '../../core/profiles/profile-credentials.js';
import { validateProfile, validateProfileName } from '../../core/profiles/profile-validate.js';
import { mainlandChinaWarning } from '../../core/profiles/profile-warnings.js';
import { DropsignError } from '../../shared/errors.js';
import { parseFlags } from '../parse-args.js';
import { refuseSecretArguments, takeName, type ProfileSubcommand } from '../profile-args.js';
import type { ProfileCli } from '../profile-cli-context.js';
import { PROFILE_FIELD_FLAGS, profileFromFlags, summarizeProfile } from '../profile-fields.js';
import { readSecretInput } from '../secret-input.js';

const FLAGS = {
  ...PROFILE_FIELD_FLAGS,
  'secret-stdin': { type: 'boolean' },
  'with-session-token': { type: 'boolean' },
  'session-token-expires': { type: 'string' },
  replace: { type: 'boolean' },
  'keep-secret': { type: 'boolean' },
} as const;

/** Where a store kind keeps secrets, for the confirmation line. */
function storeLine(cli: ProfileCli, kind: 'keychain' | 'encrypted-file', name: string): string {
  return kind === 'keychain'
    ? `The secret is in the OS keychain (service "Dropsign", account "${profileAccount(name)}"), not in any file.`
    : `The secret is in ${cli.secretStores(kind).description}, encrypted with your passphrase.`;
}

async function run(args: readonly string[], cli: ProfileCli): Promise<0> {
  refuseSecretArguments(args);
  const { name, rest } = takeName(args, 'add NAME --region REGION --bucket BUCKET [OPTIONS]');
  validateProfileName(name);
  const flags = parseFlags(rest, { command: 'profile add', flags: FLAGS });
  const existing = await cli.store.get(name);
  if (existing !== undefined && flags.replace !== true) {
    throw new DropsignError(
      'profile-exists',
      `A profile named ${JSON.stringify(name)} already exists.`,
      `Change it (or rotate its secret) with --replace; the fields you do not give are kept.`,
    );
  }
  if (flags['keep-secret'] === true && (existing === undefined || flags['secret-stdin'] === true || flags['with-session-token'] === true)) {
    throw new DropsignError('invalid-argument', '--keep-secret keeps the stored secret of an existing profile, so it goes with --replace only, and without a new secret.', 'Drop --keep-secret to enter a new secret.');
  }
  // Validate everything that needs no secret before asking for one; the key id is asked for if missing.
  let askedKeyId: string | undefined;
  if (flags['access-key-id'] === undefined && existing === undefined) {
    validateProfile(profileFromFlags(name, flags, existing, 'placeholder'));
    if (!cli.terminal.interactive) {
      throw new DropsignError('missing-argument', 'Missing required option --access-key-id.', 'Give the AccessKey ID with --access-key-id (it is not a secret).', { flag: 'access-key-id' });
    }
    askedKeyId = (await cli.terminal.ask('AccessKey ID: ')).trim();
  }
  const profile = validateProfile(profileFromFlags(name, flags, existing, askedKeyId));
  const store = cli.secretStores(profile.secretStore);
  await requireAvailable(store);

  const secret =
    flags['keep-secret'] === true && existing !== undefined
      ? await readProfileSecret(existing, cli.secretStores)
      : await readSecretInput(cli, {
          accessKeyId: profile.accessKeyId,
          fromStdin: flags['secret-stdin'] === true,
          withSessionToken: flags['with-session-token'] === true,
          ...(flags['session-token-expires'] === undefined ? {} : { tokenExpires: flags['session-token-expires'] }),
        });
  await writeProfileSecret(profile, secret, cli.secretStores);
  let becameDefault: boolean;
  try {
    ({ becameDefault } = await cli.store.save(profile, { replace: existing !== undefined }));
  } catch (error) {
    // A new profile that could not be saved must not leave its secret behind.
    if (existing === undefined) await deleteProfileSecret(profile, cli.secretStores).catch(() => undefined);
    throw error;
  }
  if (existing !== undefined && existing.secretStore !== profile.secretStore) {
    await deleteProfileSecret(existing, cli.secretStores);
  }

  const out = cli.io.out;
  out(`${existing === undefined ? 'Added' : 'Updated'} profile "${name}": ${summarizeProfile(profile)}.\n`);
  out(`${storeLine(cli, profile.secretStore, name)}\n`);
  if (becameDefault) out(`"${name}" is now the default profile.\n`);
  out(`Test it: dropsign profile test ${name}\n`);
  const warning = mainlandChinaWarning(profile);
  if (warning !== undefined) cli.warn(warning.message, warning.hint);
  if (secret.securityToken !== undefined && secret.securityTokenExpiresAt === undefined) {
    cli.warn('The session token was stored without its expiry, so Dropsign cannot warn when links would outlive it.', 'Add --session-token-expires TIME (or a duration such as 1h).');
  }
  return 0;
}

/** `dropsign profile add`. */
export const profileAdd: ProfileSubcommand = {
  synopsis: 'add NAME --region REGION --bucket BUCKET [OPTIONS] [--secret-stdin] [--replace]',
  run,
};
