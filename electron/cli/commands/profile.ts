/**
 * `dropsign profile SUBCOMMAND`: destinations with their secrets in the OS keychain (add, list, show,
 * remove, test, import, default). One file per sub-command; this one dispatches, prints the usage and
 * reports errors with every secret seen during the run scrubbed from them.
 */
import type { CliCommand } from '../io.js';
import type { ProfileSubcommand } from '../profile-args.js';
import { profileCliCommand } from '../profile-subcommands.js';
import { DEFAULT_PROFILE_CLI_DEPS, PASSPHRASE_VARIABLE, type ProfileCliDeps } from '../profile-cli-context.js';
import { PROFILE_FIELD_USAGE } from '../profile-fields.js';
import { profileAdd } from './profile-add.js';
import { profileDefault } from './profile-default.js';
import { profileImport } from './profile-import.js';
import { profileList } from './profile-list.js';
import { profileRemove } from './profile-remove.js';
import { profileShow } from './profile-show.js';
import { profileTest } from './profile-test.js';

const SUBCOMMANDS: Readonly<Record<string, ProfileSubcommand>> = {
  add: profileAdd,
  list: profileList,
  show: profileShow,
  remove: profileRemove,
  test: profileTest,
  import: profileImport,
  default: profileDefault,
};

const USAGE = `Usage: dropsign profile SUBCOMMAND [NAME] [OPTIONS]

Destinations (OSS buckets, S3-compatible stores, the local bucket) with their secrets in the OS keychain.
Profiles live in profiles.json in the app data directory; secrets never do.

Sub-commands:
${Object.values(SUBCOMMANDS)
  .map((sub) => `  dropsign profile ${sub.synopsis}`)
  .join('\n')}

add NAME: saves a profile. The secret is read from a prompt that does not echo it, or from standard input
with --secret-stdin; never from an option.
${PROFILE_FIELD_USAGE}  --secret-stdin                     Read the secret from standard input (first line).
  --with-session-token               Temporary (STS) credentials: also read the security token (prompt,
                                     or the second line of standard input).
  --session-token-expires TIME       When the token expires: ISO 8601 (2025-01-02T03:04:05Z) or a
                                     duration from now (1h). Links that would outlive it are warned about.
  --replace                          Change an existing profile: given fields change, others stay, and
                                     the secret is asked for again (rotation) unless --keep-secret.
  --keep-secret                      With --replace: keep the stored secret.

list [--json]: every profile; * marks the default (the built-in "local" one unless chosen).
show [NAME] [--json]: every field, and whether the secret is stored (never the secret itself).
remove NAME [--force]: deletes the profile and its secret (--force: even when the keychain is unreachable).
test [NAME] [--json]: a signed ListObjects probe that tells apart wrong key, wrong secret, wrong region,
  missing bucket, clock skew, missing permission and network/TLS/proxy failures. Exit 1 on failure.
import: finds credentials in ~/.ossutilconfig, ~/.aliyun/config.json, ~/.aws/{credentials,config} and
  the environment (OSS_*, ALIBABA_CLOUD_*, AWS_*), lists them (secrets never shown) and asks before storing.
  --from ossutil|aliyun|aws|env      Only this source.   --file PATH   Read this file (with --from).
  --bucket BUCKET / --region REGION  For sources without them.   --pick NAME   Only these (repeatable).
  --yes                              Store without asking (scripts).
default [NAME]: makes NAME the default profile, or prints the default.

No keychain (Linux without a Secret Service, or locked)? Commands say so and how to fix it. To keep
secrets in a passphrase-encrypted file instead, ask for it: --secret-store encrypted-file (passphrase from
a prompt, or ${PASSPHRASE_VARIABLE} in scripts). Dropsign never falls back to plain text.

Proxies: HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured by profile test (loopback always goes direct).

Examples:
  dropsign profile add prod --region cn-hangzhou --bucket photos --access-key-id LTAI5t...
  printf '%s\\n' "$SECRET" | dropsign profile add minio --provider s3 --region us-east-1 --bucket dev \\
    --endpoint http://127.0.0.1:9000 --style path --access-key-id minio --secret-stdin
  dropsign profile test prod
  dropsign profile import --from aws --bucket media
`;

/** `dropsign profile` with injectable edges (tests pass a memory keychain and scripted prompts). */
export function createProfileCommand(deps: ProfileCliDeps = DEFAULT_PROFILE_CLI_DEPS): CliCommand {
  return profileCliCommand({
    name: 'profile',
    usage: USAGE,
    subcommands: SUBCOMMANDS,
    deps,
  });
}

/** `dropsign profile`, with the real keychain and terminal. */
export const profileCommand: CliCommand = createProfileCommand();
