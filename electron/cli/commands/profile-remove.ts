/**
 * `dropsign profile remove NAME [--force]`: deletes the profile and its secret. The secret goes first:
 * when the store cannot be reached the profile stays (so nothing is left behind unknowingly), unless
 * `--force`, which removes the profile anyway and says which keychain entry may remain.
 */
import { deleteProfileSecret } from '../../core/profiles/profile-credentials.js';
import { LOCAL_PROFILE_NAME } from '../../core/profiles/profile-schema.js';
import { notFound } from '../../core/profiles/profile-store.js';
import { profileAccount } from '../../core/secrets/stored-secret.js';
import { DropsignError, toErrorInfo } from '../../shared/errors.js';
import { parseFlags } from '../parse-args.js';
import { takeName, type ProfileSubcommand } from '../profile-args.js';
import type { ProfileCli } from '../profile-cli-context.js';

async function run(args: readonly string[], cli: ProfileCli): Promise<0> {
  const { name, rest } = takeName(args, 'remove NAME');
  const flags = parseFlags(rest, { command: 'profile remove', flags: { force: { type: 'boolean' } } });
  if (name === LOCAL_PROFILE_NAME) {
    throw new DropsignError('invalid-profile', 'The built-in local profile cannot be removed.', 'Make another profile the default instead: dropsign profile default NAME.');
  }
  const profile = await cli.store.get(name);
  if (profile === undefined) throw notFound(name);
  let secretNote = 'Its secret was deleted.';
  try {
    if (!(await deleteProfileSecret(profile, cli.secretStores))) secretNote = 'It had no stored secret.';
  } catch (error) {
    if (flags.force !== true) throw error;
    const info = toErrorInfo(error);
    secretNote = `Its secret could not be deleted (${info.message}); remove the entry service "Dropsign", account "${profileAccount(name)}" by hand.`;
  }
  const { wasDefault } = await cli.store.remove(name);
  cli.io.out(`Removed profile "${name}". ${secretNote}\n`);
  if (wasDefault) cli.io.out('The default profile is now the built-in "local" one; choose another with dropsign profile default NAME.\n');
  return 0;
}

/** `dropsign profile remove`. */
export const profileRemove: ProfileSubcommand = { synopsis: 'remove NAME [--force]', run };
