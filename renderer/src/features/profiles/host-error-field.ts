/**
 * Which form field a `profiles:save` error is about, so it can be shown next to that field. The host names
 * the field in `error.details.field` in two spellings: the contract's paths (`profile.endpoint.url`,
 * `secret.accessKeySecret`) and the profile rules' words (`key prefix`, `link expiry`); errors without a
 * field are placed by their code (a keychain error belongs to the secret store choice).
 */
import type { ErrorCode, ErrorInfo } from '../../../../electron/shared/errors.js';
import { DRAFT_FIELDS, type DraftField, type ProfileDraft } from './profile-draft.js';

/** The host's field names that differ from the form's. */
const HOST_NAMES: Readonly<Record<string, DraftField>> = {
  secret: 'secret',
  'secret.accessKeySecret': 'secret',
  'secret.securityToken': 'securityToken',
  'secret.securityTokenExpiresAt': 'securityTokenExpiresAt',
  'endpoint.url': 'endpointUrl',
  'endpoint.kind': 'endpointKind',
  'link expiry': 'linkExpirySeconds',
  'key prefix': 'keyPrefix',
  'key template': 'keyTemplate',
  'custom domain': 'customDomain',
};

/** Fields of errors that name none, by code. */
const BY_CODE: Partial<Record<ErrorCode, DraftField>> = {
  'profile-exists': 'name',
  'invalid-region': 'region',
  'missing-region': 'region',
  'invalid-bucket': 'bucket',
  'invalid-style': 'style',
  'invalid-scheme': 'scheme',
  'invalid-key-template': 'keyTemplate',
  'invalid-expiry': 'linkExpirySeconds',
  'keychain-unavailable': 'secretStore',
  'keychain-locked': 'secretStore',
  'keychain-failed': 'secretStore',
  'secret-input-unavailable': 'secretStore',
  'wrong-passphrase': 'secretStore',
  'secret-file-damaged': 'secretStore',
};

function isDraftField(value: string): value is DraftField {
  return (DRAFT_FIELDS as readonly string[]).includes(value);
}

/** The field `error` is about, or undefined when it is about the whole form. */
export function fieldOfError(error: ErrorInfo, draft: Pick<ProfileDraft, 'endpointKind'>): DraftField | undefined {
  const named = error.details?.['field'];
  if (typeof named === 'string') {
    const path = named.replace(/^profile\./, '');
    // The host checks a custom endpoint's address under the name `endpoint`.
    if (path === 'endpoint') return draft.endpointKind === 'custom' ? 'endpointUrl' : 'endpointKind';
    const field = HOST_NAMES[path] ?? path;
    if (isDraftField(field)) return field;
  }
  if (error.code === 'invalid-endpoint') return draft.endpointKind === 'custom' ? 'endpointUrl' : 'endpointKind';
  return BY_CODE[error.code];
}
