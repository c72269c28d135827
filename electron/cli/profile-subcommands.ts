/**
 * Commands made of sub-commands that work with profiles and the keychain (`dropsign profile ...`,
 * `dropsign link ...`): pick the sub-command by its name, open the profile context, run it, and report
 * any failure on one line without a secret in it.
 */
import { DropsignError } from '../shared/errors.js';
import type { CliCommand, ExitCode } from './io.js';
import { openProfileCli, type ProfileCli, type ProfileCliDeps } from './profile-cli-context.js';
import { reportProfileError } from './profile-error-report.js';
import { reportError } from './report-error.js';

/** One sub-command. */
export interface ProfileCliSubcommand {
  /** `add NAME [OPTIONS]`: for the usage text. */
  readonly synopsis: string;
  readonly run: (args: readonly string[], cli: ProfileCli) => Promise<ExitCode>;
}

/** What a command of sub-commands is made of. */
export interface ProfileCliCommandSpec {
  /** The command's name, for the hint of a missing or unknown sub-command. */
  readonly name: string;
  readonly usage: string;
  readonly subcommands: Readonly<Record<string, ProfileCliSubcommand>>;
  readonly deps: ProfileCliDeps;
}

/** The command. */
export function profileCliCommand(spec: ProfileCliCommandSpec): CliCommand {
  const { subcommands } = spec;
  return {
    usage: spec.usage,
    run: async (args, io) => {
      const [name, ...rest] = args;
      const sub = name === undefined ? undefined : Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
      if (sub === undefined) {
        const message = name === undefined ? 'Missing the sub-command.' : `Unknown sub-command "${name}".`;
        const hint = `Use one of: ${Object.keys(subcommands).join(', ')}. Run \`dropsign ${spec.name} --help\`.`;
        return reportError(new DropsignError('invalid-argument', message, hint), io);
      }
      const cli = openProfileCli(io, spec.deps);
      try {
        return await sub.run(rest, cli);
      } catch (error) {
        // Whatever went wrong, the report holds no secret (environment or profile) and stays on one line.
        return reportProfileError(error, io, cli.seenSecrets);
      }
    },
  };
}
