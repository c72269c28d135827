/**
 * The `profiles:*` channels except import: list and show profiles (never a secret), save one (its secret
 * written to its store and never read back), remove one with its secret, choose the default, and test one
 * with a real signed request.
 */
import { DropsignError } from '../../shared/errors.js';
import type { ProbeReportView, ProfileList, ProfileRemoveResult, ProfileSaveRequest, ProfileSaveResult, ProfileView, ProfileWarningView } from '../../shared/ipc/profile-types.js';
import { deleteProfileSecret, readProfileSecret, writeProfileSecret } from '../profiles/profile-credentials.js';
import { probeProfile } from '../profiles/profile-probe.js';
import { LOCAL_PROFILE_NAME, type Profile } from '../profiles/profile-schema.js';
import { notFound } from '../profiles/profile-store.js';
import { validateProfile, validateProfileName } from '../profiles/profile-validate.js';
import { mainlandChinaWarning, tokenWarning } from '../profiles/profile-warnings.js';
import { resolveLocalProfile, resolveProfile } from '../profiles/resolve-profile.js';
import { requireAvailable } from '../secrets/secret-store.js';
import type { StoredSecret } from '../secrets/stored-secret.js';
import type { AppContext } from './app-context.js';
import { profileFromInput, secretStatus, viewOf } from './profile-views.js';

/** The default profile's name (`local` when none was chosen). */
async function defaultName(context: AppContext): Promise<string> {
  return (await context.store.read()).defaultProfile ?? LOCAL_PROFILE_NAME;
}

async function localView(context: AppContext, isDefault: boolean): Promise<ProfileView> {
  const local = await resolveLocalProfile(context.appDataDir, 'name', context.localEndpoint?.());
  return viewOf(local.profile, { builtIn: true, isDefault, secret: 'built-in' });
}

async function storedView(context: AppContext, profile: Profile, isDefault: boolean): Promise<ProfileView> {
  return viewOf(profile, { builtIn: false, isDefault, secret: await secretStatus(profile, context.secretStores) });
}

/** `profiles:list`: the built-in `local` profile first, then the stored ones. */
export async function listProfiles(context: AppContext): Promise<ProfileList> {
  const snapshot = await context.store.read();
  const chosen = snapshot.defaultProfile ?? LOCAL_PROFILE_NAME;
  const stored = await Promise.all(snapshot.profiles.map((profile) => storedView(context, profile, profile.name === chosen)));
  return { profiles: [await localView(context, chosen === LOCAL_PROFILE_NAME), ...stored], defaultProfile: chosen };
}

/** `profiles:get`. Throws `profile-not-found`. */
export async function getProfile(context: AppContext, name: string): Promise<ProfileView> {
  const chosen = await defaultName(context);
  if (name === LOCAL_PROFILE_NAME) return localView(context, chosen === LOCAL_PROFILE_NAME);
  const profile = await context.store.get(name);
  if (profile === undefined) throw notFound(name);
  return storedView(context, profile, chosen === name);
}

function storedSecretOf(secret: NonNullable<ProfileSaveRequest['secret']>): StoredSecret {
  return {
    accessKeySecret: secret.accessKeySecret,
    ...(secret.securityToken === undefined ? {} : { securityToken: secret.securityToken }),
    ...(secret.securityTokenExpiresAt === undefined ? {} : { securityTokenExpiresAt: secret.securityTokenExpiresAt }),
  };
}

/** The secret to write for a save: the one given, the existing one when it moves to another store, or none. */
async function secretToWrite(context: AppContext, request: ProfileSaveRequest, profile: Profile, existing: Profile | undefined): Promise<StoredSecret | undefined> {
  if (request.secret !== undefined) return storedSecretOf(request.secret);
  if (existing === undefined) {
    throw new DropsignError('missing-argument', 'A new profile needs its AccessKey secret.', 'Enter the AccessKey secret that belongs to the AccessKey ID.', { field: 'secret' });
  }
  if (existing.accessKeyId !== profile.accessKeyId) {
    throw new DropsignError('missing-argument', 'A changed AccessKey ID needs its own secret.', 'Enter the AccessKey secret that belongs to the new AccessKey ID.', { field: 'secret' });
  }
  return existing.secretStore === profile.secretStore ? undefined : readProfileSecret(existing, context.secretStores);
}

function saveWarnings(context: AppContext, profile: Profile, secret: StoredSecret | undefined): ProfileWarningView[] {
  const warnings: ProfileWarningView[] = [];
  const mainland = mainlandChinaWarning(profile);
  if (mainland !== undefined) warnings.push(mainland);
  if (secret !== undefined) {
    const credentials = {
      accessKeyId: profile.accessKeyId,
      accessKeySecret: secret.accessKeySecret,
      ...(secret.securityToken === undefined ? {} : { securityToken: secret.securityToken }),
      ...(secret.securityTokenExpiresAt === undefined ? {} : { securityTokenExpiresAt: secret.securityTokenExpiresAt }),
    };
    const token = tokenWarning(profile, credentials, context.now());
    if (token !== undefined) warnings.push(token);
  }
  return warnings;
}

/**
 * `profiles:save`. The secret store is checked before anything is written; a new profile whose save
 * fails leaves no secret behind. Throws `profile-exists` for a new profile under a taken name (without
 * `replace`), `invalid-profile` (or the signer's code) naming the field, `missing-argument` for a secret
 * that is needed and not given.
 */
export async function saveProfile(context: AppContext, request: ProfileSaveRequest): Promise<ProfileSaveResult> {
  validateProfileName(request.profile.name);
  const existing = await context.store.get(request.profile.name);
  if (existing !== undefined && request.replace !== true) {
    throw new DropsignError('profile-exists', `A profile named ${JSON.stringify(existing.name)} already exists.`, 'Save it as a change to that profile, or choose another name.');
  }
  const profile = validateProfile(profileFromInput(request.profile));
  await requireAvailable(context.secretStores(profile.secretStore));
  const secret = await secretToWrite(context, request, profile, existing);
  if (secret !== undefined) await writeProfileSecret(profile, secret, context.secretStores);
  let becameDefault: boolean;
  try {
    ({ becameDefault } = await context.store.save(profile, { replace: existing !== undefined }));
  } catch (error) {
    if (existing === undefined) await deleteProfileSecret(profile, context.secretStores).catch(() => undefined);
    throw error;
  }
  if (existing !== undefined && existing.secretStore !== profile.secretStore) {
    await deleteProfileSecret(existing, context.secretStores).catch((error: unknown) =>
      context.log(`The old secret of profile ${JSON.stringify(existing.name)} could not be deleted from ${existing.secretStore}: ${String(error)}`),
    );
  }
  const isDefault = (await defaultName(context)) === profile.name;
  return {
    profile: await storedView(context, profile, isDefault),
    created: existing === undefined,
    becameDefault,
    warnings: saveWarnings(context, profile, request.secret === undefined ? undefined : secret),
  };
}

/**
 * `profiles:remove`: the secret first, so a store that cannot be reached keeps the profile (nothing is
 * left behind unknowingly). The built-in profile cannot be removed.
 */
export async function removeProfile(context: AppContext, name: string): Promise<ProfileRemoveResult> {
  if (name === LOCAL_PROFILE_NAME) {
    throw new DropsignError('invalid-profile', 'The built-in local profile cannot be removed.', 'Make another profile the default instead.');
  }
  const profile = await context.store.get(name);
  if (profile === undefined) throw notFound(name);
  const secretDeleted = await deleteProfileSecret(profile, context.secretStores);
  const { removed, wasDefault } = await context.store.remove(name);
  return { removed, wasDefault, secretDeleted };
}

/** `profiles:set-default` (`local` for the built-in one). */
export async function setDefaultProfile(context: AppContext, name: string): Promise<null> {
  await context.store.setDefault(name);
  return null;
}

/** `profiles:test`: one signed ListObjects with its diagnosis; a failing profile is a report, not an error. */
export async function testProfile(context: AppContext, name: string | undefined): Promise<ProbeReportView> {
  const resolved = await resolveProfile(name, context);
  const report = await probeProfile({
    profile: resolved.profile,
    credentials: await resolved.credentials(),
    builtIn: resolved.builtIn,
    env: context.env,
    now: context.now,
    ...context.probe,
  });
  return { profile: resolved.profile.name, ...report };
}
