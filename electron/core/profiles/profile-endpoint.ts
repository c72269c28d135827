/**
 * Endpoints of profiles: the URL a public / internal / acceleration endpoint stands for in a region, what
 * a URL is (when importing other tools' settings), and where OSS's mainland-China rules apply.
 */
import type { Profile, ProfileEndpoint, Provider } from './profile-schema.js';

/** The endpoint URL requests go to (scheme and host, no path). */
export function endpointUrl(profile: Pick<Profile, 'provider' | 'region' | 'endpoint'>): string {
  const { provider, region, endpoint } = profile;
  switch (endpoint.kind) {
    case 'custom':
      return endpoint.url;
    case 'public':
      return provider === 'oss' ? `https://oss-${region}.aliyuncs.com` : `https://s3.${region}.amazonaws.com`;
    case 'internal':
      // S3 has no internal endpoint; validation refuses that combination before this is reached.
      return `https://oss-${region}-internal.aliyuncs.com`;
    case 'accelerate':
      return provider === 'oss' ? 'https://oss-accelerate.aliyuncs.com' : 'https://s3-accelerate.amazonaws.com';
  }
}

/** `public`, or the custom URL: how a profile's endpoint is shown and typed (`--endpoint`). */
export function endpointLabel(endpoint: ProfileEndpoint): string {
  return endpoint.kind === 'custom' ? endpoint.url : endpoint.kind;
}

/** Reads `--endpoint`: one of `public`, `internal`, `accelerate`, or a URL (custom). */
export function parseEndpointValue(value: string): ProfileEndpoint {
  const word = value.trim().toLowerCase();
  if (word === 'public' || word === 'internal' || word === 'accelerate') return { kind: word };
  return { kind: 'custom', url: value.trim() };
}

/** OSS endpoint host names: `oss-cn-hangzhou.aliyuncs.com`, `oss-cn-hangzhou-internal.aliyuncs.com`. */
const OSS_REGION_HOST = /^oss-([a-z0-9-]+?)(-internal)?\.aliyuncs\.com$/;

/**
 * What an endpoint URL (or bare host, as ossutil stores it) is: a known OSS or AWS endpoint becomes
 * `public` / `internal` / `accelerate` with its region; anything else stays `custom` (with https:// added to
 * a bare host). Used by the importers.
 */
export function recogniseEndpoint(value: string, provider: Provider): { readonly endpoint: ProfileEndpoint; readonly region?: string } {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? value.trim() : `https://${value.trim()}`;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return { endpoint: { kind: 'custom', url } };
  }
  const bare = url.replace(/\/+$/, '');
  if (provider === 'oss') {
    if (host === 'oss-accelerate.aliyuncs.com' || host === 'oss-accelerate-overseas.aliyuncs.com') return { endpoint: { kind: 'accelerate' } };
    const match = OSS_REGION_HOST.exec(host);
    if (match?.[1] !== undefined && bare.startsWith('https://')) {
      return { endpoint: { kind: match[2] === undefined ? 'public' : 'internal' }, region: match[1] };
    }
    return { endpoint: { kind: 'custom', url: bare }, ...(match?.[1] === undefined ? {} : { region: match[1] }) };
  }
  const aws = /^s3[.-]([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  if (host === 's3-accelerate.amazonaws.com') return { endpoint: { kind: 'accelerate' } };
  if (aws?.[1] !== undefined && bare.startsWith('https://')) return { endpoint: { kind: 'public' }, region: aws[1] };
  return { endpoint: { kind: 'custom', url: bare } };
}

/**
 * True for OSS regions in mainland China: `cn-*` except Hong Kong (`cn-hongkong`), which is outside the
 * mainland rules (ICP filing, custom-domain requirement).
 */
export function isMainlandChinaRegion(region: string): boolean {
  return region.startsWith('cn-') && region !== 'cn-hongkong';
}

/** True when the endpoint is one of Alibaba Cloud's default `*.aliyuncs.com` domains (not a custom domain). */
export function isDefaultOssDomain(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'aliyuncs.com' || host.endsWith('.aliyuncs.com');
  } catch {
    return false;
  }
}
