import { describe, expect, it } from 'vitest';
import { createSecret, secretMatches } from '../../../electron/web-host/access-token.js';

describe('createSecret', () => {
  it('makes 256 random bits as 43 base64url characters, fresh every time', () => {
    const secrets = new Set(Array.from({ length: 100 }, createSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('secretMatches', () => {
  const secret = createSecret();

  it('accepts the secret itself only', () => {
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(secret, `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(secretMatches(secret, secret.slice(0, 10))).toBe(false);
    expect(secretMatches(secret, `${secret}x`)).toBe(false);
  });

  it('refuses nothing and the empty string', () => {
    expect(secretMatches(secret, undefined)).toBe(false);
    expect(secretMatches(secret, '')).toBe(false);
  });
});
