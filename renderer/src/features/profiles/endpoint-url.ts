/**
 * The address a profile's requests go to, as the host derives it (electron/core/profiles/profile-endpoint.ts):
 * public, internal and acceleration endpoints from the provider and region, or the custom address. Shown
 * under the endpoint choice so the user sees where "Public" leads. Pure.
 */
import type { ProviderName } from '../../../../electron/shared/ipc/profile-types.js';
import type { EndpointKind } from './profile-draft.js';

/** The endpoint URL, or undefined while the region (or the custom address) is still missing. */
export function endpointUrlOf(provider: ProviderName, kind: EndpointKind, region: string, customUrl: string): string | undefined {
  const id = region.trim();
  switch (kind) {
    case 'custom':
      return customUrl.trim() === '' ? undefined : customUrl.trim();
    case 'accelerate':
      return provider === 'oss' ? 'https://oss-accelerate.aliyuncs.com' : 'https://s3-accelerate.amazonaws.com';
    case 'public':
      if (id === '') return undefined;
      return provider === 'oss' ? `https://oss-${id}.aliyuncs.com` : `https://s3.${id}.amazonaws.com`;
    case 'internal':
      return id === '' ? undefined : `https://oss-${id}-internal.aliyuncs.com`;
  }
}
