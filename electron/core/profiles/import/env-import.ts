/**
 * Reads the credentials the SDKs take from the environment:
 *
 * - OSS SDKs and ossutil: `OSS_ACCESS_KEY_ID`, `OSS_ACCESS_KEY_SECRET`, `OSS_SESSION_TOKEN`, with
 *   `OSS_REGION` and `OSS_ENDPOINT`;
 * - Alibaba Cloud SDKs (credentials provider chain): `ALIBABA_CLOUD_ACCESS_KEY_ID`,
 *   `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `ALIBABA_CLOUD_SECURITY_TOKEN`, with `ALIBABA_CLOUD_REGION_ID`;
 * - AWS SDKs: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, with `AWS_REGION` (or
 *   `AWS_DEFAULT_REGION`) and `AWS_ENDPOINT_URL_S3` (or `AWS_ENDPOINT_URL`).
 */
import type { Provider } from '../profile-schema.js';
import { recogniseEndpoint } from '../profile-endpoint.js';
import { secretOf, text, type ImportCandidate } from './import-candidate.js';

/** One ecosystem's variable names. */
interface EnvFamily {
  readonly name: string;
  readonly provider: Provider;
  readonly id: string;
  readonly secret: string;
  readonly token: string;
  readonly region: readonly string[];
  readonly endpoint: readonly string[];
}

const FAMILIES: readonly EnvFamily[] = [
  { name: 'env-oss', provider: 'oss', id: 'OSS_ACCESS_KEY_ID', secret: 'OSS_ACCESS_KEY_SECRET', token: 'OSS_SESSION_TOKEN', region: ['OSS_REGION'], endpoint: ['OSS_ENDPOINT'] },
  {
    name: 'env-alibaba-cloud',
    provider: 'oss',
    id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    token: 'ALIBABA_CLOUD_SECURITY_TOKEN',
    region: ['ALIBABA_CLOUD_REGION_ID'],
    endpoint: [],
  },
  {
    name: 'env-aws',
    provider: 's3',
    id: 'AWS_ACCESS_KEY_ID',
    secret: 'AWS_SECRET_ACCESS_KEY',
    token: 'AWS_SESSION_TOKEN',
    region: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
    endpoint: ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'],
  },
];

function first(env: Readonly<Record<string, string | undefined>>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = text(env[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The candidates in `env`: one per ecosystem whose access key id or secret is set. */
export function readEnvCredentials(env: Readonly<Record<string, string | undefined>>): readonly ImportCandidate[] {
  const candidates: ImportCandidate[] = [];
  for (const family of FAMILIES) {
    const accessKeyId = text(env[family.id]);
    const secret = text(env[family.secret]);
    if (accessKeyId === undefined && secret === undefined) continue;
    const token = text(env[family.token]);
    const endpointText = first(env, family.endpoint);
    const recognised = endpointText === undefined ? undefined : recogniseEndpoint(endpointText, family.provider);
    const region = first(env, family.region) ?? recognised?.region;
    const missing = [accessKeyId === undefined ? family.id : undefined, secret === undefined ? family.secret : undefined].filter((n) => n !== undefined);
    candidates.push({
      source: 'env',
      origin: `environment (${[family.id, family.secret, ...(token === undefined ? [] : [family.token])].join(', ')})`,
      suggestedName: family.name,
      provider: family.provider,
      ...(accessKeyId === undefined ? {} : { accessKeyId }),
      ...(region === undefined ? {} : { region }),
      endpoint: recognised?.endpoint ?? { kind: 'public' },
      hasSessionToken: token !== undefined,
      ...(missing.length === 0 ? {} : { unusable: `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set` }),
      secret: missing.length === 0 ? secretOf(secret, token) : () => undefined,
    });
  }
  return candidates;
}
