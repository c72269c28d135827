/**
 * Reads ossutil's configuration file (`~/.ossutilconfig`, INI), both generations:
 *
 * - ossutil 1.x: `[Credentials]` with `endpoint`, `accessKeyID`, `accessKeySecret`, `stsToken`; optional
 *   `[Bucket-Endpoint]` (bucket = endpoint) and `[Bucket-Cname]` (bucket = custom domain). Each bucket listed
 *   becomes its own candidate.
 * - ossutil 2.x: `[default]` and `[profile NAME]` with `accessKeyId`, `accessKeySecret`, `securityToken`
 *   (or `stsToken`), `region`, `endpoint`, `addressingStyle`. Key names are case-insensitive and may be
 *   written with `-` or `_` (`access-key-id`, `access_key_id`), as ossutil 2 accepts them.
 */
import { parse } from 'ini';
import type { AddressingStyle } from '../../../shared/signing.js';
import { recogniseEndpoint } from '../profile-endpoint.js';
import { profileNameFrom, secretOf, text, type ImportCandidate } from './import-candidate.js';

type Section = Readonly<Record<string, unknown>>;

/** A section's settings with keys normalised: lower-case, without `-` and `_`. */
function normalised(section: Section): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(section)) {
    const setting = text(value);
    if (setting !== undefined) out[key.toLowerCase().replace(/[-_]/g, '')] = setting;
  }
  return out;
}

function styleOf(value: string | undefined): AddressingStyle | undefined {
  if (value === undefined) return undefined;
  const word = value.toLowerCase();
  return word === 'path' ? 'path' : word === 'cname' ? 'cname' : word === 'virtual' || word === 'virtual-hosted' ? 'virtual-hosted' : undefined;
}

/** One candidate from a credentials section, optionally for one bucket. */
function candidate(
  origin: string,
  name: string,
  settings: Readonly<Record<string, string>>,
  bucket?: { readonly name: string; readonly endpoint?: string; readonly cname?: string },
): ImportCandidate {
  const endpointText = bucket?.endpoint ?? settings['endpoint'];
  const recognised = endpointText === undefined ? undefined : recogniseEndpoint(endpointText, 'oss');
  const region = settings['region'] ?? recognised?.region;
  const token = settings['securitytoken'] ?? settings['ststoken'];
  const accessKeyId = settings['accesskeyid'];
  const secret = settings['accesskeysecret'];
  const style = styleOf(settings['addressingstyle']);
  const cname = bucket?.cname === undefined ? undefined : recogniseEndpoint(bucket.cname, 'oss').endpoint;
  return {
    source: 'ossutil',
    origin,
    suggestedName: profileNameFrom('ossutil', name),
    provider: 'oss',
    ...(accessKeyId === undefined ? {} : { accessKeyId }),
    ...(region === undefined ? {} : { region }),
    ...(recognised === undefined ? {} : { endpoint: recognised.endpoint }),
    ...(style === undefined ? {} : { style }),
    ...(bucket === undefined ? {} : { bucket: bucket.name }),
    ...(cname?.kind === 'custom' ? { customDomain: cname.url } : {}),
    hasSessionToken: token !== undefined,
    ...(accessKeyId === undefined || secret === undefined
      ? { unusable: 'it has no AccessKey ID and secret (other credential modes are not imported)' }
      : {}),
    secret: secretOf(secret, token),
  };
}

/** The candidates in an ossutil configuration file's text; `file` is its path, for `origin`. */
export function parseOssutilConfig(textContent: string, file: string): readonly ImportCandidate[] {
  const document = parse(textContent) as Readonly<Record<string, unknown>>;
  const candidates: ImportCandidate[] = [];
  for (const [sectionName, value] of Object.entries(document)) {
    if (typeof value !== 'object' || value === null) continue;
    const settings = normalised(value as Section);
    const origin = `${file} [${sectionName}]`;
    if (sectionName === 'Credentials') {
      const endpoints = normalisedBuckets(document['Bucket-Endpoint']);
      const cnames = normalisedBuckets(document['Bucket-Cname']);
      const buckets = [...new Set([...Object.keys(endpoints), ...Object.keys(cnames)])];
      if (buckets.length === 0) candidates.push(candidate(origin, 'default', settings));
      for (const bucket of buckets) {
        const endpoint = endpoints[bucket];
        const cname = cnames[bucket];
        candidates.push(
          candidate(origin, bucket, settings, {
            name: bucket,
            ...(endpoint === undefined ? {} : { endpoint }),
            ...(cname === undefined ? {} : { cname }),
          }),
        );
      }
    } else if (sectionName === 'default' || sectionName.startsWith('profile ')) {
      const name = sectionName === 'default' ? 'default' : sectionName.slice('profile '.length).trim();
      candidates.push(candidate(origin, name, settings));
    }
  }
  return candidates;
}

/** `[Bucket-Endpoint]` / `[Bucket-Cname]`: bucket names (as written) to values. */
function normalisedBuckets(section: unknown): Readonly<Record<string, string>> {
  if (typeof section !== 'object' || section === null) return {};
  const out: Record<string, string> = {};
  for (const [bucket, value] of Object.entries(section)) {
    const setting = text(value);
    if (setting !== undefined) out[bucket.trim()] = setting;
  }
  return out;
}
