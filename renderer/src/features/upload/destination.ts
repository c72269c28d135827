/**
 * Where dropped files go, as pure functions: the request `transfers:enqueue` gets from the remembered
 * destination (`uploadProfile` / `uploadPrefix` settings, null meaning the default profile and the
 * profile's own prefix), the settings patch a choice in the destination bar saves, and the
 * `bucket/prefix/` line that shows it.
 */
import type { ProfileList, ProfileView } from '../../../../electron/shared/ipc/profile-types.js';
import type { AppSettings, SettingsPatch } from '../../../../electron/shared/ipc/settings.js';
import type { EnqueueRequest } from '../../../../electron/shared/ipc/transfer-requests.js';

/** The destination part of the settings (undefined before the host answered: the host's defaults then). */
export type DestinationSettings = Pick<AppSettings, 'uploadProfile' | 'uploadPrefix'> | undefined;

/** The enqueue request for `paths`: the remembered profile and prefix, each left out when it means "the default". */
export function enqueueRequestFor(paths: readonly string[], settings: DestinationSettings): EnqueueRequest {
  const profile = settings?.uploadProfile ?? null;
  const prefix = settings?.uploadPrefix ?? null;
  return { paths, ...(profile === null ? {} : { profile }), ...(prefix === null ? {} : { prefix }) };
}

/** The profile files go to: the remembered one, else the default; undefined when it is not in the list. */
export function chosenProfile(list: ProfileList, settings: DestinationSettings): ProfileView | undefined {
  const name = settings?.uploadProfile ?? list.defaultProfile;
  return list.profiles.find((profile) => profile.name === name);
}

/** The prefix in force: the remembered one, else the profile's own. */
export function effectivePrefix(profile: ProfileView | undefined, settings: DestinationSettings): string {
  return settings?.uploadPrefix ?? profile?.keyPrefix ?? '';
}

/**
 * The patch for choosing profile `name`: the default profile is saved as null, so the choice follows the
 * default when it changes (as a drop with no profile does).
 */
export function profilePatch(list: ProfileList, name: string): SettingsPatch {
  return { uploadProfile: name === list.defaultProfile ? null : name };
}

/** The patch for prefix `text`: the profile's own prefix is saved as null, so it follows the profile. */
export function prefixPatch(profile: ProfileView | undefined, text: string): SettingsPatch {
  return { uploadPrefix: text === (profile?.keyPrefix ?? '') ? null : text };
}

/** `bucket/prefix/`, the way keys are joined (one `/` between prefix and path; none for an empty prefix). */
export function destinationLabel(bucket: string, prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' ? `${bucket}/` : `${bucket}/${trimmed}/`;
}
