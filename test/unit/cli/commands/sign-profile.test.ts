import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileWorld, scriptedTerminal, type ProfileWorld } from './profile-harness.js';

const SECRET = 'Pr0d+Secret/Value=NeverShown';
const ENV_SECRET = 'Env+Secret/Value=AlsoHidden';
const TOKEN = 'STS+Token/Value=NeverShownEither';
const AT = ['--at', '2025-01-02T03:00:00Z'];

let world: ProfileWorld;
beforeEach(async () => {
  world = await profileWorld();
  world.secrets.push(SECRET, ENV_SECRET, TOKEN);
});
afterEach(async () => {
  await world.close();
});

async function addProd(extra: readonly string[] = [], stdin = SECRET): Promise<void> {
  const run = await world.profile(['add', 'prod', '--region', 'cn-hangzhou', '--bucket', 'photos', '--access-key-id', 'LTAI5tProdKey', '--link-expiry', '15m', '--secret-stdin', ...extra], scriptedTerminal({ stdin }));
  expect(run.code).toBe(0);
}

function credentialOf(url: string): string {
  return new URL(url).searchParams.get('x-oss-credential') ?? new URL(url).searchParams.get('X-Amz-Credential') ?? '';
}

describe('dropsign sign --profile', () => {
  it('signs with the profile: its destination, its key, its link expiry', async () => {
    await addProd();
    const run = await world.sign(['--profile', 'prod', '--key', 'a.txt', ...AT]);
    expect(run.code).toBe(0);
    const url = new URL(run.out.trim());
    expect(url.host).toBe('photos.oss-cn-hangzhou.aliyuncs.com');
    expect(credentialOf(run.out)).toBe('LTAI5tProdKey/20250102/cn-hangzhou/oss/aliyun_v4_request');
    expect(url.searchParams.get('x-oss-expires')).toBe('900');
  });

  it('explicit flags override profile fields', async () => {
    await addProd();
    const run = await world.sign(['--profile', 'prod', '--bucket', 'other', '--region', 'cn-shanghai', '--endpoint', 'https://oss-cn-shanghai.aliyuncs.com', '--expires', '60', '--key', 'k', ...AT]);
    const url = new URL(run.out.trim());
    expect(url.host).toBe('other.oss-cn-shanghai.aliyuncs.com');
    expect(credentialOf(run.out)).toContain('/cn-shanghai/');
    expect(url.searchParams.get('x-oss-expires')).toBe('60');
  });

  it('uses the default profile when one was chosen, else the environment as before', async () => {
    world.env['OSS_ACCESS_KEY_ID'] = 'LTAI5tEnvKey';
    world.env['OSS_ACCESS_KEY_SECRET'] = ENV_SECRET;
    const envOnly = ['--endpoint', 'https://oss-cn-hangzhou.aliyuncs.com', '--bucket', 'photos', '--region', 'cn-hangzhou', '--key', 'k', ...AT];
    expect(credentialOf((await world.sign(envOnly)).out)).toMatch(/^LTAI5tEnvKey\//);
    await addProd();
    // profile add made "prod" the default: from now on it is used unless --no-profile.
    expect(credentialOf((await world.sign(envOnly)).out)).toMatch(/^LTAI5tProdKey\//);
    expect(credentialOf((await world.sign(['--key', 'k', ...AT])).out)).toMatch(/^LTAI5tProdKey\//);
    expect(credentialOf((await world.sign([...envOnly, '--no-profile'])).out)).toMatch(/^LTAI5tEnvKey\//);
  });

  it('without profiles, keeps the old errors (missing --endpoint, missing variables)', async () => {
    expect((await world.sign(['--bucket', 'b', '--region', 'cn-hangzhou'])).err).toContain('Missing required option --endpoint. [missing-argument]');
    expect((await world.sign(['--endpoint', 'https://oss-cn-hangzhou.aliyuncs.com', '--bucket', 'b', '--region', 'cn-hangzhou'])).err).toContain('[missing-credentials]');
  });

  it('signs for the built-in local profile by name', async () => {
    const run = await world.sign(['--profile', 'local', '--key', 'x.txt', ...AT]);
    expect(run.out.trim()).toMatch(/^http:\/\/127\.0\.0\.1:47110\/dropsign\/x\.txt\?/);
  });

  it('refuses --profile with --no-profile, and unknown profiles', async () => {
    expect((await world.sign(['--profile', 'prod', '--no-profile'])).err).toContain('contradict');
    expect((await world.sign(['--profile', 'nope', '--key', 'k'])).err).toContain('[profile-not-found]');
  });

  it('says plainly when the keychain cannot give the secret', async () => {
    await addProd();
    world.keychain.setStatus({ kind: 'locked', explanation: 'The OS keychain is locked.', fix: 'Unlock the login keyring.' });
    const run = await world.sign(['--profile', 'prod', '--key', 'k']);
    expect(run.err).toBe('dropsign: The OS keychain is locked. [keychain-locked] Unlock the login keyring. Or keep secrets in a passphrase-encrypted file instead, by asking for it explicitly: --secret-store encrypted-file.\n');
  });

  it('warns when a link would outlive its STS token, and refuses an expired token', async () => {
    await addProd(['--with-session-token', '--session-token-expires', '30m'], `${SECRET}\n${TOKEN}\n`);
    const run = await world.sign(['--profile', 'prod', '--key', 'k', '--expires', '2h']);
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      'dropsign: warning: This link is set to expire at 2025-01-02 05:00 UTC, but it is signed with temporary (STS) credentials that expire at 2025-01-02 03:30 UTC, 90 minutes earlier: the link stops working when the token does.\n',
    );
    expect(new URL(run.out.trim()).searchParams.get('x-oss-security-token')).toBe(TOKEN);
    expect((await world.sign(['--profile', 'prod', '--key', 'k', '--expires', '10m'])).err).toBe('');
    world.now += 60 * 60_000;
    expect((await world.sign(['--profile', 'prod', '--key', 'k'])).err).toContain('[credentials-expired]');
  });
});
