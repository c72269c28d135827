/**
 * What the form may offer for the chosen profile (`links:limits`). When the host cannot say, the form
 * falls back to what the profile itself says (seven days at most, the store's storage classes,
 * processing and callbacks on OSS), or with no profiles at all to the signature's seven days and no
 * store-specific options, and says that the limits could not be read.
 */
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import { storeLinkOptions, type LinkLimits } from '../../../../electron/shared/ipc/link-types.js';
import type { ProfileList, ProfileView } from '../../../../electron/shared/ipc/profile-types.js';
import { SETTINGS_LIMITS } from '../../../../electron/shared/ipc/settings.js';
import { useHostValue, type HostValue } from './use-host-value.js';

/** The limits the form works with. */
export type FormLimits =
  | { readonly kind: 'loading' }
  /** From the host. */
  | { readonly kind: 'host'; readonly limits: LinkLimits }
  /** Derived without the host, because it could not say (`problem`). */
  | { readonly kind: 'fallback'; readonly limits: LinkLimits; readonly problem: ErrorInfo };

/** What can be said about `profile` without the host: the signature's own seven-day cap and the store's options. */
export function limitsFromProfile(profile: ProfileView, capReason: string): LinkLimits {
  return {
    profile: profile.name,
    provider: profile.provider,
    scheme: profile.scheme,
    bucket: profile.bucket,
    maxExpirySeconds: SETTINGS_LIMITS.defaultLinkExpirySeconds.max,
    cap: { kind: 'signature-max' },
    capReason,
    ...storeLinkOptions(profile.provider),
    keyPrefix: profile.keyPrefix,
  };
}

/** What can be said with no profile known: the signature's seven days, nothing that depends on the store. */
function unknownProfileLimits(capReason: string): LinkLimits {
  return {
    profile: '',
    provider: 'oss',
    scheme: 'oss-v4',
    bucket: '',
    maxExpirySeconds: SETTINGS_LIMITS.defaultLinkExpirySeconds.max,
    cap: { kind: 'signature-max' },
    capReason,
    storageClasses: [],
    supportsProcess: false,
    supportsCallback: false,
    keyPrefix: '',
  };
}

/**
 * The limits for `profileName` among `profiles` (`''`: not chosen yet, nothing is asked);
 * `fallbackReason` is the sentence a fallback gives for its seven-day cap.
 */
export function useLinkLimits(profiles: HostValue<ProfileList>, profileName: string, fallbackReason: string): FormLimits {
  // Nothing to ask before a profile is chosen: `links:limits` with no name would describe the default one.
  const { state } = useHostValue('links:limits', profileName === '' ? null : [profileName]);
  if (profiles.kind === 'failed') return { kind: 'fallback', limits: unknownProfileLimits(fallbackReason), problem: profiles.error };
  if (profiles.kind === 'loading' || profileName === '' || state.kind === 'loading') return { kind: 'loading' };
  if (state.kind === 'ready') return { kind: 'host', limits: state.value };
  const profile = profiles.value.profiles.find((candidate) => candidate.name === profileName);
  return { kind: 'fallback', limits: profile === undefined ? unknownProfileLimits(fallbackReason) : limitsFromProfile(profile, fallbackReason), problem: state.error };
}
