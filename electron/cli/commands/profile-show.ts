/**
 * `dropsign profile show [NAME] [--json]`: every field of a profile (the default one without a name) and
 * where its secret is, never the secret: "stored in the keychain", "missing", or why the store cannot be
 * read right now. A keychain that cannot be used does not make `show` fail.
 */
import { endpointLabel, endpointUrl } from '../../core/profiles/profile-endpoint.js';
import { readProfileSecret } from '../../core/profiles/profile-credentials.js';
import { describeTokenLife, tokenLife } from '../../core/profiles/sts-expiry.js';
import { resolveProfile, type ResolvedProfile } from '../../core/profiles/resolve-profile.js';
import { toErrorInfo } from '../../shared/errors.js';
import { parseFlags } from '../parse-args.js';
import { takeOptionalName, type ProfileSubcommand } from '../profile-args.js';
import type { ProfileCli } from '../profile-cli-context.js';

/** Where the secret stands, without it. */
interface SecretState {
  readonly secret: string;
  readonly sessionToken: string;
}

async function secretState(resolved: ResolvedProfile, cli: ProfileCli): Promise<SecretState> {
  const location = resolved.secretLocation;
  if (location.kind === 'keys-file') {
    return { secret: `in the local bucket's key file ${location.path} (not the keychain)`, sessionToken: 'none' };
  }
  const where = location.store === 'keychain' ? 'the OS keychain' : 'the encrypted secret file';
  try {
    const stored = await readProfileSecret(resolved.profile, cli.secretStores);
    return {
      secret: `stored in ${where}`,
      sessionToken: describeTokenLife(tokenLife(stored.securityToken, stored.securityTokenExpiresAt, cli.io.now())),
    };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'secret-missing') return { secret: `missing from ${where} (${info.hint})`, sessionToken: 'unknown' };
    return { secret: `cannot be checked: ${info.message} [${info.code}] ${info.hint}`, sessionToken: 'unknown' };
  }
}

async function run(args: readonly string[], cli: ProfileCli): Promise<0> {
  const { name, rest } = takeOptionalName(args);
  const flags = parseFlags(rest, { command: 'profile show', flags: { json: { type: 'boolean' } } });
  const resolved = await resolveProfile(name, cli);
  const { profile } = resolved;
  const state = await secretState(resolved, cli);
  const isDefault = ((await cli.store.read()).defaultProfile ?? 'local') === profile.name;
  const fields: readonly (readonly [string, string])[] = [
    ['name', `${profile.name}${isDefault ? ' (default)' : ''}${resolved.builtIn ? ' (built-in)' : ''}`],
    ['provider', profile.provider],
    ['scheme', profile.scheme],
    ['region', profile.region],
    ['endpoint', `${endpointUrl(profile)}${profile.endpoint.kind === 'custom' ? '' : ` (${endpointLabel(profile.endpoint)})`}`],
    ['style', profile.style],
    ['bucket', profile.bucket],
    ['key prefix', profile.keyPrefix === '' ? '(none)' : profile.keyPrefix],
    ['key template', profile.keyTemplate ?? '(default: {path})'],
    ['custom domain', profile.customDomain ?? '(none)'],
    ['public URL', profile.publicUrlTemplate ?? '(none)'],
    ['link expiry', `${profile.linkExpirySeconds} s`],
    ['access key id', profile.accessKeyId],
    ['secret', state.secret],
    ['session token', state.sessionToken],
  ];
  if (flags.json === true) {
    const { secretStore, ...visible } = profile;
    cli.io.out(`${JSON.stringify({ ...visible, endpointUrl: endpointUrl(profile), secretStore: resolved.builtIn ? 'keys-file' : secretStore, builtIn: resolved.builtIn, isDefault, secret: state.secret, sessionToken: state.sessionToken })}\n`);
    return 0;
  }
  const width = Math.max(...fields.map(([label]) => label.length)) + 1;
  cli.io.out(fields.map(([label, value]) => `${`${label}:`.padEnd(width)} ${value}`).join('\n') + '\n');
  return 0;
}

/** `dropsign profile show`. */
export const profileShow: ProfileSubcommand = { synopsis: 'show [NAME] [--json]', run };
