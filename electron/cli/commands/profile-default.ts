/**
 * `dropsign profile default [NAME]`: makes NAME the profile commands use when none is named (`local` for
 * the built-in one), or, without a name, prints the current default.
 */
import { LOCAL_PROFILE_NAME } from '../../core/profiles/profile-schema.js';
import { parseFlags } from '../parse-args.js';
import { takeOptionalName, type ProfileSubcommand } from '../profile-args.js';
import type { ProfileCli } from '../profile-cli-context.js';

async function run(args: readonly string[], cli: ProfileCli): Promise<0> {
  const { name, rest } = takeOptionalName(args);
  parseFlags(rest, { command: 'profile default', flags: {} });
  if (name === undefined) {
    const current = (await cli.store.read()).defaultProfile;
    cli.io.out(`${current ?? LOCAL_PROFILE_NAME}${current === undefined ? ' (built-in; none chosen)' : ''}\n`);
    return 0;
  }
  await cli.store.setDefault(name);
  cli.io.out(`"${name}" is now the default profile.\n`);
  return 0;
}

/** `dropsign profile default`. */
export const profileDefault: ProfileSubcommand = { synopsis: 'default [NAME]', run };
