/**
 * `dropsign profile list [--json]`: every stored profile and the built-in `local` one, the default marked
 * with `*`. Reads only `profiles.json`: no keychain access, so it works (and is fast) without one.
 */
import { endpointUrl } from '../../core/profiles/profile-endpoint.js';
import { LOCAL_PROFILE_NAME, type Profile } from '../../core/profiles/profile-schema.js';
import { localProfile } from '../../core/profiles/local-profile.js';
import { parseFlags } from '../parse-args.js';
import type { ProfileSubcommand } from '../profile-args.js';
import type { ProfileCli } from '../profile-cli-context.js';

/** One row. */
interface Row {
  readonly name: string;
  readonly provider: string;
  readonly region: string;
  readonly bucket: string;
  readonly endpoint: string;
  readonly builtIn: boolean;
  readonly isDefault: boolean;
}

function row(profile: Profile, builtIn: boolean, defaultName: string): Row {
  return {
    name: profile.name,
    provider: profile.provider,
    region: profile.region,
    bucket: profile.bucket,
    endpoint: endpointUrl(profile),
    builtIn,
    isDefault: profile.name === defaultName,
  };
}

/** Left-aligned columns, two spaces apart. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length))) ?? [];
  return rows.map((cells) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

async function run(args: readonly string[], cli: ProfileCli): Promise<0> {
  const flags = parseFlags(args, { command: 'profile list', flags: { json: { type: 'boolean' } } });
  const snapshot = await cli.store.read();
  const defaultName = snapshot.defaultProfile ?? LOCAL_PROFILE_NAME;
  // The local profile's key id lives in the local bucket's key file; listing does not need it.
  const rows = [...snapshot.profiles.map((p) => row(p, false, defaultName)), row(localProfile('-'), true, defaultName)];
  if (flags.json === true) {
    cli.io.out(`${JSON.stringify({ defaultProfile: defaultName, profiles: rows })}\n`);
    return 0;
  }
  const lines = [
    ['', 'NAME', 'PROVIDER', 'REGION', 'BUCKET', 'ENDPOINT'],
    ...rows.map((r) => [r.isDefault ? '*' : '', r.name, r.provider, r.region, r.bucket, `${r.endpoint}${r.builtIn ? '  (built-in)' : ''}`]),
  ];
  cli.io.out(`${table(lines)}\n`);
  if (snapshot.profiles.length === 0) cli.io.out('\nNo profiles yet: add one with dropsign profile add NAME, or import with dropsign profile import.\n');
  return 0;
}

/** `dropsign profile list`. */
export const profileList: ProfileSubcommand = { synopsis: 'list [--json]', run };
