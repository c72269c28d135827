/**
 * The profile form's state (every field as typed), where it starts (empty, or a stored profile), and the
 * `profiles:save` request it makes. The secret fields start empty and are sent only when filled in: an
 * edit that leaves the secret empty keeps the stored one.
 */
import type { ProfileInput, ProfileSaveRequest, ProfileView, ProviderName, SecretInput, SecretStoreChoice } from '../../../../electron/shared/ipc/profile-types.js';
import type { AddressingStyle, SigningScheme } from '../../../../electron/shared/signing.js';

/** Which endpoint the form chose. */
export type EndpointKind = 'public' | 'internal' | 'accelerate' | 'custom';

/** The addressing style, or `auto` to let the host choose (path for IP addresses, else virtual-hosted). */
export type StyleChoice = AddressingStyle | 'auto';

/** Every field of the form, as typed. */
export interface ProfileDraft {
  readonly name: string;
  readonly provider: ProviderName;
  readonly scheme: SigningScheme;
  readonly region: string;
  readonly endpointKind: EndpointKind;
  readonly endpointUrl: string;
  readonly style: StyleChoice;
  readonly bucket: string;
  readonly keyPrefix: string;
  readonly keyTemplate: string;
  readonly customDomain: string;
  readonly publicUrlTemplate: string;
  /** Undefined while the custom validity typed is not a usable number. */
  readonly linkExpirySeconds: number | undefined;
  readonly accessKeyId: string;
  /** Write-only: never filled from the host. */
  readonly secret: string;
  readonly securityToken: string;
  /** A `datetime-local` value (local time), or empty. */
  readonly securityTokenExpiresAt: string;
  readonly secretStore: SecretStoreChoice;
}

/** A field of the form. */
export type DraftField = keyof ProfileDraft;

/** Every field, in the order the form shows them (the first with a problem gets the focus). */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'name', 'provider', 'scheme', 'region', 'endpointKind', 'endpointUrl', 'style', 'bucket', 'keyPrefix', 'keyTemplate', 'customDomain',
  'publicUrlTemplate', 'linkExpirySeconds', 'accessKeyId', 'secret', 'securityToken', 'securityTokenExpiresAt', 'secretStore',
];

/** Whether the form makes a profile or changes one (whose stored fields it started from). */
export type EditorMode = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly original: ProfileView };

/** Why 3600: the host's default link validity for profiles (one hour, as ossutil and the OSS console). */
export const DEFAULT_LINK_EXPIRY_SECONDS = 3600;

/** The signing schemes a provider can use, the default first. */
export function schemesFor(provider: ProviderName): readonly SigningScheme[] {
  return provider === 'oss' ? ['oss-v4', 'oss-v1'] : ['s3-v4'];
}

/** The endpoint kinds a provider has (S3-compatible stores have no internal endpoint). */
export function endpointKindsFor(provider: ProviderName): readonly EndpointKind[] {
  return provider === 'oss' ? ['public', 'internal', 'accelerate', 'custom'] : ['public', 'accelerate', 'custom'];
}

/** The form of a new profile. */
export const EMPTY_DRAFT: ProfileDraft = {
  name: '',
  provider: 'oss',
  scheme: 'oss-v4',
  region: '',
  endpointKind: 'public',
  endpointUrl: '',
  style: 'auto',
  bucket: '',
  keyPrefix: '',
  keyTemplate: '',
  customDomain: '',
  publicUrlTemplate: '',
  linkExpirySeconds: DEFAULT_LINK_EXPIRY_SECONDS,
  accessKeyId: '',
  secret: '',
  securityToken: '',
  securityTokenExpiresAt: '',
  secretStore: 'keychain',
};

/** The form of a stored profile (secret fields empty). */
export function draftOf(view: ProfileView): ProfileDraft {
  return {
    ...EMPTY_DRAFT,
    name: view.name,
    provider: view.provider,
    scheme: view.scheme,
    region: view.region,
    endpointKind: view.endpoint.kind,
    endpointUrl: view.endpoint.kind === 'custom' ? view.endpoint.url : '',
    style: view.style,
    bucket: view.bucket,
    keyPrefix: view.keyPrefix,
    keyTemplate: view.keyTemplate ?? '',
    customDomain: view.customDomain ?? '',
    publicUrlTemplate: view.publicUrlTemplate ?? '',
    linkExpirySeconds: view.linkExpirySeconds,
    accessKeyId: view.accessKeyId,
    secretStore: view.secretStore,
  };
}

/** The draft after choosing `provider`: its default scheme, and an endpoint it has. */
export function withProvider(draft: ProfileDraft, provider: ProviderName): ProfileDraft {
  const schemes = schemesFor(provider);
  return {
    ...draft,
    provider,
    scheme: schemes.includes(draft.scheme) ? draft.scheme : (schemes[0] ?? draft.scheme),
    endpointKind: endpointKindsFor(provider).includes(draft.endpointKind) ? draft.endpointKind : 'public',
  };
}

/** A `datetime-local` value as ISO 8601 UTC, or undefined when it is not a date. */
export function isoOfLocal(value: string): string | undefined {
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function optional(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** The profile fields to send (empty optional fields left out, so the host's defaults apply). */
export function profileInputOf(draft: ProfileDraft): ProfileInput {
  const keyTemplate = optional(draft.keyTemplate);
  const customDomain = optional(draft.customDomain);
  const publicUrlTemplate = optional(draft.publicUrlTemplate);
  return {
    name: draft.name.trim(),
    provider: draft.provider,
    scheme: draft.scheme,
    region: draft.region.trim(),
    endpoint: draft.endpointKind === 'custom' ? { kind: 'custom', url: draft.endpointUrl.trim() } : { kind: draft.endpointKind },
    ...(draft.style === 'auto' ? {} : { style: draft.style }),
    bucket: draft.bucket.trim(),
    keyPrefix: draft.keyPrefix,
    ...(keyTemplate === undefined ? {} : { keyTemplate }),
    ...(customDomain === undefined ? {} : { customDomain }),
    ...(publicUrlTemplate === undefined ? {} : { publicUrlTemplate }),
    ...(draft.linkExpirySeconds === undefined ? {} : { linkExpirySeconds: draft.linkExpirySeconds }),
    accessKeyId: draft.accessKeyId.trim(),
    secretStore: draft.secretStore,
  };
}

/** The secret to send, or undefined when none was typed (an edit then keeps the stored one). */
export function secretInputOf(draft: ProfileDraft): SecretInput | undefined {
  if (draft.secret === '') return undefined;
  const token = optional(draft.securityToken);
  const expiresAt = token === undefined || draft.securityTokenExpiresAt === '' ? undefined : isoOfLocal(draft.securityTokenExpiresAt);
  return {
    accessKeySecret: draft.secret,
    ...(token === undefined ? {} : { securityToken: token }),
    ...(expiresAt === undefined ? {} : { securityTokenExpiresAt: expiresAt }),
  };
}

/** The `profiles:save` request of a (valid) draft: `replace` when editing, the secret only when typed. */
export function saveRequestOf(draft: ProfileDraft, mode: EditorMode): ProfileSaveRequest {
  const secret = secretInputOf(draft);
  return {
    profile: profileInputOf(draft),
    ...(secret === undefined ? {} : { secret }),
    ...(mode.kind === 'edit' ? { replace: true } : {}),
  };
}
