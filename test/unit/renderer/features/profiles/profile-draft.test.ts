import { describe, expect, it } from 'vitest';
import { draftOf, EMPTY_DRAFT, saveRequestOf, withProvider, type ProfileDraft } from '../../../../../renderer/src/features/profiles/profile-draft.js';
import { profileView } from './fake-host.js';

function draft(fields: Partial<ProfileDraft>): ProfileDraft {
  return { ...EMPTY_DRAFT, name: 'prod', region: 'cn-hangzhou', bucket: 'photos', accessKeyId: 'LTAI5tKey', ...fields };
}

describe('saveRequestOf', () => {
  it('sends a new profile with its secret, leaving out what was left empty so the host fills its defaults', () => {
    expect(saveRequestOf(draft({ name: ' prod ', bucket: ' photos ', secret: 's3cret' }), { kind: 'new' })).toStrictEqual({
      profile: { name: 'prod', provider: 'oss', scheme: 'oss-v4', region: 'cn-hangzhou', endpoint: { kind: 'public' }, bucket: 'photos', keyPrefix: '', linkExpirySeconds: 3600, accessKeyId: 'LTAI5tKey', secretStore: 'keychain' },
      secret: { accessKeySecret: 's3cret' },
    });
  });

  it('sends the STS token and its expiry (as UTC) with the secret', () => {
    const request = saveRequestOf(draft({ secret: 's3cret', securityToken: ' CAIS123 ', securityTokenExpiresAt: '2026-11-21T10:30' }), { kind: 'new' });
    expect(request.secret).toStrictEqual({ accessKeySecret: 's3cret', securityToken: 'CAIS123', securityTokenExpiresAt: new Date('2026-11-21T10:30').toISOString() });
  });

  it('replaces an edited profile and sends no secret when none was typed, so the stored one is kept', () => {
    const original = profileView('prod', { keyTemplate: '{date}/{name}', customDomain: 'https://files.example.com' });
    const request = saveRequestOf({ ...draftOf(original), region: 'cn-shanghai' }, { kind: 'edit', original });
    expect(request).toStrictEqual({
      profile: {
        name: 'prod', provider: 'oss', scheme: 'oss-v4', region: 'cn-shanghai', endpoint: { kind: 'public' }, style: 'virtual-hosted', bucket: 'photos', keyPrefix: '',
        keyTemplate: '{date}/{name}', customDomain: 'https://files.example.com', linkExpirySeconds: 3600, accessKeyId: 'LTAI5tExampleKeyId', secretStore: 'keychain',
      },
      replace: true,
    });
    expect('secret' in request).toBe(false);
  });

  it('sends a custom endpoint with its address, and the style only when one was chosen', () => {
    const request = saveRequestOf(draft({ secret: 'x', endpointKind: 'custom', endpointUrl: ' http://127.0.0.1:9000 ', style: 'path' }), { kind: 'new' });
    expect(request.profile.endpoint).toStrictEqual({ kind: 'custom', url: 'http://127.0.0.1:9000' });
    expect(request.profile.style).toBe('path');
    expect('style' in saveRequestOf(draft({ secret: 'x' }), { kind: 'new' }).profile).toBe(false);
  });
});

describe('draftOf', () => {
  it('fills every field of a stored profile and leaves the secret fields empty', () => {
    const filled = draftOf(profileView('minio', { provider: 's3', scheme: 's3-v4', endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' }, style: 'path', secretStore: 'encrypted-file' }));
    expect(filled).toMatchObject({ name: 'minio', provider: 's3', endpointKind: 'custom', endpointUrl: 'http://127.0.0.1:9000', style: 'path', secretStore: 'encrypted-file' });
    expect([filled.secret, filled.securityToken, filled.securityTokenExpiresAt]).toStrictEqual(['', '', '']);
  });
});

describe('withProvider', () => {
  it('moves to the provider\'s default scheme and an endpoint it has', () => {
    expect(withProvider(draft({ endpointKind: 'internal' }), 's3')).toMatchObject({ provider: 's3', scheme: 's3-v4', endpointKind: 'public' });
    expect(withProvider(draft({ provider: 's3', scheme: 's3-v4' }), 'oss')).toMatchObject({ provider: 'oss', scheme: 'oss-v4' });
    expect(withProvider(draft({ scheme: 'oss-v1' }), 'oss').scheme).toBe('oss-v1');
  });
});
