/**
 * `dropsign profile test` (built CLI, real keychain) against real local buckets that verify signatures as
 * OSS does: a working profile, then one failure kind each (wrong secret, wrong key id, wrong region,
 * missing bucket, a server clock 30 minutes ahead and one 30 minutes behind), each with its precise
 * diagnosis and exit status 1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalBucket, verifySignature, type LocalBucketHandle } from '../../../electron/core/local-bucket/index.js';
import { cliWorld, KEYRING_NOTE, PRIVATE_KEYRING, type CliWorld } from './cli-runner.js';

const KEY_ID = 'LTAI5tProbeKeyId';
const SECRET = `Probe+Secret/${randomBytes(8).toString('hex')}`;
const WRONG = `Wrong+Secret/${randomBytes(8).toString('hex')}`;

describe.skipIf(!PRIVATE_KEYRING)(`dropsign profile test against the local bucket ${KEYRING_NOTE}`, () => {
  let world: CliWorld;
  let root = '';
  const servers: Record<'normal' | 'ahead' | 'behind', LocalBucketHandle | undefined> = { normal: undefined, ahead: undefined, behind: undefined };

  async function start(name: string, clockOffsetSeconds: number): Promise<LocalBucketHandle> {
    return startLocalBucket({
      dataDir: path.join(root, name),
      buckets: ['photos'],
      region: 'cn-hangzhou',
      accessKeys: new Map([[KEY_ID, SECRET]]),
      authenticate: verifySignature,
      faults: { clockOffsetSeconds },
    });
  }

  /** Adds a profile for `server` and returns `profile test`'s run. */
  async function probe(name: string, server: LocalBucketHandle, options: { secret?: string; keyId?: string; region?: string; bucket?: string } = {}) {
    const added = await world.run(
      ['profile', 'add', name, '--region', options.region ?? 'cn-hangzhou', '--bucket', options.bucket ?? 'photos', '--endpoint', server.endpoint, '--style', 'path', '--access-key-id', options.keyId ?? KEY_ID, '--secret-stdin'],
      { stdin: `${options.secret ?? SECRET}\n` },
    );
    expect(added.code).toBe(0);
    return world.run(['profile', 'test', name]);
  }

  beforeAll(async () => {
    world = await cliWorld();
    world.secrets.push(SECRET, WRONG);
    root = await mkdtemp(path.join(tmpdir(), 'dropsign-probe-'));
    // Why 1800 s: well beyond OSS's 15-minute tolerance either way, so both directions fail for sure.
    servers.normal = await start('normal', 0);
    servers.ahead = await start('ahead', 1800);
    servers.behind = await start('behind', -1800);
  });
  afterAll(async () => {
    for (const server of Object.values(servers)) await server?.close();
    await rm(root, { recursive: true, force: true });
    await world?.close();
  });

  const server = (which: keyof typeof servers): LocalBucketHandle => {
    const handle = servers[which];
    if (handle === undefined) throw new Error('server not started');
    return handle;
  };

  it('ok: key, secret, region and bucket right', async () => {
    const run = await probe('ok', server('normal'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Testing profile "ok": ListObjects on ${server('normal').endpoint} (direct).`);
    expect(run.stdout).toMatch(/OK: the AccessKey ID, secret, region and bucket are right \(answered in \d+ ms, request id [0-9A-F]+\)\./);
  });

  it('wrong secret', async () => {
    const run = await probe('bad-secret', server('normal'), { secret: WRONG });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: Wrong secret: the AccessKey ID ${KEY_ID} is known, but the stored secret does not match it. [signature-mismatch]`);
    expect(run.stdout).toContain('What to do: Enter the secret issued with this AccessKey ID: dropsign profile add bad-secret --replace');
  });

  it('wrong key id', async () => {
    const run = await probe('bad-key', server('normal'), { keyId: 'LTAI5tUnknownKeyId' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAILED: Wrong AccessKey ID: the server does not know LTAI5tUnknownKeyId. [invalid-access-key]');
  });

  it('wrong region: names the bucket’s region (cn-hangzhou)', async () => {
    const run = await probe('bad-region', server('normal'), { region: 'cn-shanghai' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAILED: Wrong region: the bucket is in cn-hangzhou, but the profile says cn-shanghai. [wrong-region]');
    expect(run.stdout).toContain('dropsign profile add bad-region --replace --region cn-hangzhou');
  });

  it('missing bucket', async () => {
    const run = await probe('no-bucket', server('normal'), { bucket: 'no-such-bucket' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAILED: Missing bucket: there is no bucket "no-such-bucket" at ${server('normal').endpoint}. [no-such-bucket]`);
  });

  it('skewed clock, server 30 minutes ahead (ours behind): says by how much', async () => {
    const run = await probe('skew-behind', server('ahead'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAILED: Clock skew: Your computer's clock is 30 minutes behind the server's; OSS and S3 refuse signatures more than 15 minutes off. [clock-skew]");
    expect(run.stdout).toContain('automatic date and time');
  });

  it('skewed clock, server 30 minutes behind (ours ahead): says by how much', async () => {
    const run = await probe('skew-ahead', server('behind'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAILED: Clock skew: Your computer's clock is 30 minutes ahead of the server's");
  });

  it('--json gives the same diagnosis as data', async () => {
    const run = await world.run(['profile', 'test', 'bad-region', '--json']);
    const report = JSON.parse(run.stdout) as { ok: boolean; problem: { code: string; details: Record<string, unknown> } };
    expect(report).toMatchObject({ ok: false, problem: { code: 'wrong-region', details: { bucketRegion: 'cn-hangzhou', profile: 'bad-region' } } });
  });
});
