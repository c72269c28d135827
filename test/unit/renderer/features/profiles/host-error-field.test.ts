import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../../../electron/shared/errors.js';
import { fieldOfError } from '../../../../../renderer/src/features/profiles/host-error-field.js';

function error(code: ErrorInfo['code'], field?: string): ErrorInfo {
  return { code, message: 'm', hint: 'h', ...(field === undefined ? {} : { details: { field } }) };
}

describe('fieldOfError', () => {
  it('reads the contract\'s field paths and the profile rules\' field words', () => {
    expect(fieldOfError(error('invalid-argument', 'profile.bucket'), { endpointKind: 'public' })).toBe('bucket');
    expect(fieldOfError(error('invalid-argument', 'profile.endpoint.url'), { endpointKind: 'custom' })).toBe('endpointUrl');
    expect(fieldOfError(error('invalid-argument', 'secret.securityTokenExpiresAt'), { endpointKind: 'public' })).toBe('securityTokenExpiresAt');
    expect(fieldOfError(error('invalid-key', 'key prefix'), { endpointKind: 'public' })).toBe('keyPrefix');
    expect(fieldOfError(error('invalid-profile', 'publicUrlTemplate'), { endpointKind: 'public' })).toBe('publicUrlTemplate');
    expect(fieldOfError(error('missing-argument', 'secret'), { endpointKind: 'public' })).toBe('secret');
  });

  it('puts an endpoint problem on the address when the endpoint is custom', () => {
    expect(fieldOfError(error('invalid-endpoint', 'endpoint'), { endpointKind: 'custom' })).toBe('endpointUrl');
    expect(fieldOfError(error('invalid-profile', 'endpoint'), { endpointKind: 'internal' })).toBe('endpointKind');
  });

  it('places errors that name no field by their code, and leaves the rest to the whole form', () => {
    expect(fieldOfError(error('profile-exists'), { endpointKind: 'public' })).toBe('name');
    expect(fieldOfError(error('keychain-locked'), { endpointKind: 'public' })).toBe('secretStore');
    expect(fieldOfError(error('invalid-region'), { endpointKind: 'public' })).toBe('region');
    expect(fieldOfError(error('internal'), { endpointKind: 'public' })).toBeUndefined();
    expect(fieldOfError(error('invalid-argument', 'profile.nonsense'), { endpointKind: 'public' })).toBeUndefined();
  });
});
