/**
 * Reads the AWS shared files: `credentials` (`[NAME]` with `aws_access_key_id`, `aws_secret_access_key`,
 * `aws_session_token`) and `config` (`[default]` / `[profile NAME]` with `region`, `endpoint_url`, and the
 * nested `s3 =` block's `addressing_style` / `endpoint_url`, which the INI reader flattens into the section).
 * Profiles that get credentials at run time (`role_arn`, `credential_process`, SSO) are listed as not
 * importable, with the reason.
 */
import { parse } from 'ini';
import type { AddressingStyle } from '../../../shared/signing.js';
import { recogniseEndpoint } from '../profile-endpoint.js';
import { profileNameFrom, secretOf, text, type ImportCandidate } from './import-candidate.js';

type Settings = Readonly<Record<string, string>>;

/** Sections by profile name, settings trimmed, blank ones dropped. `config` names sections `profile NAME`. */
function sections(textContent: string | undefined, isConfig: boolean): ReadonlyMap<string, Settings> {
  const out = new Map<string, Settings>();
  if (textContent === undefined) return out;
  for (const [name, value] of Object.entries(parse(textContent) as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const profile = isConfig && name.startsWith('profile ') ? name.slice('profile '.length).trim() : name.trim();
    if (isConfig && name !== 'default' && !name.startsWith('profile ')) continue; // [sso-session x], [services x]
    const settings: Record<string, string> = {};
    for (const [key, setting] of Object.entries(value)) {
      const clean = text(setting);
      if (clean !== undefined) settings[key.toLowerCase()] = clean;
    }
    out.set(profile, settings);
  }
  return out;
}

function styleOf(value: string | undefined): AddressingStyle | undefined {
  return value === 'path' ? 'path' : value === 'virtual' ? 'virtual-hosted' : undefined;
}

/** Settings that mean "credentials come from somewhere at run time". */
const RUNTIME_CREDENTIALS = ['role_arn', 'credential_process', 'sso_start_url', 'sso_session', 'web_identity_token_file'];

/** The files' texts (either may be missing) and their paths, for `origin`. */
export interface AwsFiles {
  readonly credentials?: { readonly path: string; readonly text: string };
  readonly config?: { readonly path: string; readonly text: string };
}

/** The candidates in the AWS shared files. */
export function parseAwsFiles(files: AwsFiles): readonly ImportCandidate[] {
  const credentials = sections(files.credentials?.text, false);
  const config = sections(files.config?.text, true);
  const names = [...new Set([...credentials.keys(), ...config.keys()])];
  return names.map((name): ImportCandidate => {
    // Keys may sit in either file; the credentials file wins, as in the AWS SDKs.
    const settings = { ...config.get(name), ...credentials.get(name) };
    const where = credentials.has(name) ? (files.credentials?.path ?? 'credentials') : (files.config?.path ?? 'config');
    const accessKeyId = settings['aws_access_key_id'];
    const secret = settings['aws_secret_access_key'];
    const token = settings['aws_session_token'];
    const endpointText = settings['endpoint_url'];
    const recognised = endpointText === undefined ? undefined : recogniseEndpoint(endpointText, 's3');
    const region = settings['region'] ?? recognised?.region;
    const style = styleOf(settings['addressing_style']);
    const runtime = RUNTIME_CREDENTIALS.find((key) => settings[key] !== undefined);
    const unusable =
      accessKeyId !== undefined && secret !== undefined
        ? undefined
        : runtime !== undefined
          ? `it gets credentials at run time (${runtime}); Dropsign stores an access key pair only`
          : 'it has no aws_access_key_id and aws_secret_access_key';
    return {
      source: 'aws',
      origin: `${where} [${name}]`,
      suggestedName: profileNameFrom('aws', name),
      provider: 's3',
      ...(accessKeyId === undefined ? {} : { accessKeyId }),
      ...(region === undefined ? {} : { region }),
      endpoint: recognised?.endpoint ?? { kind: 'public' },
      ...(style === undefined ? {} : { style }),
      hasSessionToken: token !== undefined,
      ...(unusable === undefined ? {} : { unusable }),
      secret: unusable === undefined ? secretOf(secret, token) : () => undefined,
    };
  });
}
