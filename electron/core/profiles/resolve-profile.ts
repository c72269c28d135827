/**
 * Which profile a command uses, and its credentials: a named profile, else the default one set with
 * `profile default`, else the built-in `local` profile (the embedded local bucket).
 *
 * Credentials are read when asked for (not when the profile is resolved), each time from the store, so a
 * rotated secret is picked up without a restart and a command that only shows a profile never touches the
 * keychain.
 */
import { LOCAL_PROFILE_NAME, type Profile } from './profile-schema.js';
import { localKeys, localProfile } from './local-profile.js';
import { readProfileCredentials, type ProfileCredentials, type SecretStoreFor } from './profile-credentials.js';
import { notFound, type ProfileStore } from './profile-store.js';

/** What resolution needs. */
export interface ProfileContext {
  readonly appDataDir: string;
  readonly store: ProfileStore;
  readonly secretStores: SecretStoreFor;
  /**
   * Where the embedded local bucket runs, when this process started it (its preferred port may have been
   * taken): the built-in `local` profile then points there. Default: its usual port.
   */
  readonly localEndpoint?: () => string | undefined;
}

/** Where the profile's secret lives, for `profile show` and messages. */
export type SecretLocation =
  | { readonly kind: 'store'; readonly store: Profile['secretStore'] }
  /** The built-in profile: the local bucket's key file. */
  | { readonly kind: 'keys-file'; readonly path: string };

/** A profile ready to use. */
export interface ResolvedProfile {
  readonly profile: Profile;
  /** True for the built-in `local` profile. */
  readonly builtIn: boolean;
  /** How it was chosen: by name, as the stored default, or as the built-in fallback. */
  readonly selectedBy: 'name' | 'default' | 'fallback';
  readonly secretLocation: SecretLocation;
  /** Reads the credentials (see the module comment). Throws typed errors: no keychain, locked, secret missing. */
  readonly credentials: () => Promise<ProfileCredentials>;
}

/** The stored default profile name (`local` when chosen explicitly), or undefined when none was set. */
export async function storedDefaultProfile(context: Pick<ProfileContext, 'store'>): Promise<string | undefined> {
  return (await context.store.read()).defaultProfile;
}

/** The built-in profile, with the local bucket's key pair (generated on first use), at `endpoint` when given. */
export async function resolveLocalProfile(appDataDir: string, selectedBy: ResolvedProfile['selectedBy'], endpoint?: string): Promise<ResolvedProfile> {
  const keys = await localKeys(appDataDir);
  return {
    profile: localProfile(keys.credentials.accessKeyId, endpoint),
    builtIn: true,
    selectedBy,
    secretLocation: { kind: 'keys-file', path: keys.keysFile },
    credentials: () => Promise.resolve(keys.credentials),
  };
}

/**
 * Resolves `name`, or with no name the stored default, or the built-in `local` profile. Throws
 * `profile-not-found` for an unknown name.
 */
export async function resolveProfile(name: string | undefined, context: ProfileContext): Promise<ResolvedProfile> {
  const snapshot = await context.store.read();
  const wanted = name ?? snapshot.defaultProfile;
  const selectedBy = name !== undefined ? 'name' : wanted !== undefined ? 'default' : 'fallback';
  if (wanted === undefined || wanted === LOCAL_PROFILE_NAME) return resolveLocalProfile(context.appDataDir, selectedBy, context.localEndpoint?.());
  const profile = snapshot.profiles.find((p) => p.name === wanted);
  if (profile === undefined) throw notFound(wanted);
  return {
    profile,
    builtIn: false,
    selectedBy,
    secretLocation: { kind: 'store', store: profile.secretStore },
    credentials: () => readProfileCredentials(profile, context.secretStores),
  };
}
