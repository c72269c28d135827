/**
 * `dropsign profile import [--from ossutil|aliyun|aws|env] ...`: finds the credentials users already have
 * (core/profiles/import), shows what it found (access key ids yes, secrets never), and stores the usable
 * ones as profiles only after the user says yes (or `--yes` in scripts). Secrets go to the secret store,
 * never to `profiles.json`.
 */
import type { ImportCandidate } from '../../core/profiles/import/import-candidate.js';
import { IMPORT_SOURCES } from '../../core/profiles/import/import-candidate.js';
import { scanForImports } from '../../core/profiles/import/scan-imports.js';
import { writeProfileSecret } from '../../core/profiles/profile-credentials.js';
import { importedProfile } from '../../core/profiles/import/import-profile.js';
import type { Profile } from '../../core/profiles/profile-schema.js';
import { requireAvailable, SECRET_STORE_KINDS, type SecretStoreKind } from '../../core/secrets/secret-store.js';
import type { StoredSecret } from '../../core/secrets/stored-secret.js';
import { DropsignError, toErrorInfo } from '../../shared/errors.js';
import type { ExitCode } from '../io.js';
import { parseFlags } from '../parse-args.js';
import { oneOf, type ProfileSubcommand } from '../profile-args.js';
import { homeDir, type ProfileCli } from '../profile-cli-context.js';
import { summarizeProfile } from '../profile-fields.js';

const FLAGS = {
  from: { type: 'string' },
  file: { type: 'string' },
  bucket: { type: 'string' },
  region: { type: 'string' },
  pick: { type: 'string', multiple: true },
  yes: { type: 'boolean' },
  'secret-store': { type: 'string' },
} as const;

/** What happens to one candidate. */
type Plan =
  | { readonly kind: 'ready'; readonly candidate: ImportCandidate; readonly profile: Profile; readonly secret: () => StoredSecret | undefined }
  | { readonly kind: 'skip'; readonly candidate: ImportCandidate; readonly why: string };

interface PlanInput {
  readonly bucket: string | undefined;
  readonly region: string | undefined;
  readonly picks: readonly string[];
  readonly existing: ReadonlySet<string>;
  readonly secretStore: SecretStoreKind;
}

function plan(candidate: ImportCandidate, input: PlanInput): Plan {
  const skip = (why: string): Plan => ({ kind: 'skip', candidate, why });
  if (input.picks.length > 0 && !input.picks.includes(candidate.suggestedName)) return skip('not picked');
  try {
    const imported = importedProfile(candidate, input, input.existing);
    if (imported.kind === 'skip') return skip(imported.missing === undefined ? imported.reason : `${imported.reason} with --${imported.missing}`);
    const { profile } = imported;
    return { kind: 'ready', candidate, profile, secret: candidate.secret };
  } catch (error) {
    return skip(`cannot be imported: ${toErrorInfo(error).message}`);
  }
}

function describe(item: Plan): string {
  const { candidate } = item;
  const key = candidate.accessKeyId === undefined ? 'no AccessKey ID' : `AccessKey ID ${candidate.accessKeyId}`;
  const secret = candidate.unusable !== undefined ? '' : `; secret found${candidate.hasSessionToken ? ' (with an STS token)' : ''}`;
  const what = item.kind === 'ready' ? `${summarizeProfile(item.profile)}; ${key}${secret}` : `${key}${secret}; skipped: ${item.why}`;
  return `  ${item.kind === 'ready' ? '[import]' : '[skip]  '} ${candidate.suggestedName}: ${what}\n           from ${candidate.origin}\n`;
}

async function confirm(cli: ProfileCli, count: number, yes: boolean, where: string): Promise<boolean> {
  if (yes) return true;
  if (!cli.terminal.interactive) {
    throw new DropsignError(
      'secret-input-unavailable',
      'Nothing was stored: importing needs a yes, and there is no terminal to ask on.',
      'Run the command again with --yes to store the profiles listed above.',
    );
  }
  const answer = await cli.terminal.ask(`Store ${count} profile${count === 1 ? '' : 's'}, with the secret${count === 1 ? '' : 's'} in ${where}? [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

async function run(args: readonly string[], cli: ProfileCli): Promise<ExitCode> {
  const flags = parseFlags(args, { command: 'profile import', flags: FLAGS });
  const from = flags.from === undefined ? undefined : oneOf('--from', flags.from, IMPORT_SOURCES);
  if (flags.file !== undefined && (from === undefined || from === 'env')) {
    throw new DropsignError('invalid-argument', '--file needs --from ossutil, aliyun or aws.', 'Say which tool the file belongs to.');
  }
  const secretStore = flags['secret-store'] === undefined ? 'keychain' : oneOf('--secret-store', flags['secret-store'], SECRET_STORE_KINDS);
  const scan = await scanForImports({
    sources: from === undefined ? IMPORT_SOURCES : [from],
    home: homeDir(cli.io.env),
    env: cli.io.env,
    ...(flags.file === undefined ? {} : { file: flags.file }),
  });
  for (const problem of scan.problems) cli.warn(`${problem.path} ${problem.message}; it was skipped.`);
  if (scan.candidates.length === 0) {
    cli.io.out(`Found no credentials to import (looked in: ${(from === undefined ? IMPORT_SOURCES : [from]).join(', ')}).\n`);
    return scan.problems.length === 0 ? 0 : 1;
  }
  const snapshot = await cli.store.read();
  const input: PlanInput = {
    bucket: flags.bucket,
    region: flags.region,
    picks: flags.pick ?? [],
    existing: new Set(snapshot.profiles.map((p) => p.name)),
    secretStore,
  };
  const plans = scan.candidates.map((candidate) => plan(candidate, input));
  cli.io.out(`Found ${plans.length} set${plans.length === 1 ? '' : 's'} of credentials (secrets are never shown):\n${plans.map(describe).join('')}`);
  const ready = plans.filter((p) => p.kind === 'ready');
  if (ready.length === 0) {
    cli.io.out('Nothing can be imported as it is; see the reasons above.\n');
    return 1;
  }
  const store = cli.secretStores(secretStore);
  await requireAvailable(store);
  if (!(await confirm(cli, ready.length, flags.yes === true, store.description))) {
    cli.io.out('Nothing was stored.\n');
    return 0;
  }
  for (const item of ready) {
    const secret = item.secret();
    if (secret === undefined) continue;
    cli.seenSecrets.push(secret.accessKeySecret, ...(secret.securityToken === undefined ? [] : [secret.securityToken]));
    await writeProfileSecret(item.profile, secret, cli.secretStores);
    const { becameDefault } = await cli.store.save(item.profile, { replace: false });
    cli.io.out(`Imported "${item.profile.name}" (secret in ${store.description}).${becameDefault ? ' It is now the default profile.' : ''}\n`);
  }
  if (ready.some((item) => item.candidate.hasSessionToken)) {
    cli.warn(
      'STS tokens were imported without their expiry (the sources do not record it), so Dropsign cannot warn when links would outlive them.',
      'Store it with dropsign profile add NAME --replace --with-session-token --session-token-expires TIME.',
    );
  }
  cli.io.out(`Test them: dropsign profile test NAME\n`);
  return 0;
}

/** `dropsign profile import`. */
export const profileImport: ProfileSubcommand = {
  synopsis: 'import [--from ossutil|aliyun|aws|env] [--file PATH] [--bucket B] [--region R] [--pick NAME]... [--yes]',
  run,
};
