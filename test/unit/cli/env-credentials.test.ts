import { describe, expect, it } from 'vitest';
import {
  credentialEnvNames,
  credentialsFromEnv,
  refuseCredentialFlags,
  secretEnvValues,
} from '../../../electron/cli/env-credentials.js';
import { DropsignError } from '../../../electron/shared/errors.js';

const OSS = { OSS_ACCESS_KEY_ID: 'oss-id', OSS_ACCESS_KEY_SECRET: 'oss-secret', OSS_SESSION_TOKEN: 'oss-token' };
const AWS = { AWS_ACCESS_KEY_ID: 'aws-id', AWS_SECRET_ACCESS_KEY: 'aws-secret', AWS_SESSION_TOKEN: 'aws-token' };

function caught(run: () => unknown): DropsignError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DropsignError);
    return error as DropsignError;
  }
  throw new Error('expected a DropsignError');
}

describe('credentialsFromEnv', () => {
  it('reads the OSS variables for both OSS schemes', () => {
    for (const scheme of ['oss-v4', 'oss-v1'] as const) {
      expect(credentialsFromEnv(scheme, { ...OSS, ...AWS })).toEqual({
        accessKeyId: 'oss-id',
        accessKeySecret: 'oss-secret',
        securityToken: 'oss-token',
      });
    }
  });

  it('reads the AWS variables for s3-v4', () => {
    expect(credentialsFromEnv('s3-v4', { ...OSS, ...AWS })).toEqual({
      accessKeyId: 'aws-id',
      accessKeySecret: 'aws-secret',
      securityToken: 'aws-token',
    });
  });

  it('leaves securityToken out when the token is unset or empty', () => {
    expect(credentialsFromEnv('oss-v4', { ...OSS, OSS_SESSION_TOKEN: undefined })).toEqual({
      accessKeyId: 'oss-id',
      accessKeySecret: 'oss-secret',
    });
    expect(credentialsFromEnv('s3-v4', { ...AWS, AWS_SESSION_TOKEN: '' })).not.toHaveProperty('securityToken');
  });

  it('does not fall back to the other ecosystem', () => {
    const error = caught(() => credentialsFromEnv('s3-v4', OSS));
    expect(error.code).toBe('missing-credentials');
    expect(error.message).toBe(
      'No credentials for s3-v4: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment.',
    );
  });

  it('names exactly the missing variables (empty counts as missing)', () => {
    const env = { OSS_ACCESS_KEY_ID: 'oss-id', OSS_ACCESS_KEY_SECRET: '' };
    const noSecret = caught(() => credentialsFromEnv('oss-v4', env));
    expect(noSecret.message).toBe('No credentials for oss-v4: set OSS_ACCESS_KEY_SECRET in the environment.');
    expect(noSecret.hint).toContain('OSS_SESSION_TOKEN');
    const noId = caught(() => credentialsFromEnv('oss-v1', { OSS_ACCESS_KEY_SECRET: 'oss-secret' }));
    expect(noId.message).toBe('No credentials for oss-v1: set OSS_ACCESS_KEY_ID in the environment.');
    expect(JSON.stringify(noId.toInfo())).not.toContain('oss-secret');
  });

  it('maps each scheme to its variable names', () => {
    expect(credentialEnvNames('oss-v4').accessKeySecret).toBe('OSS_ACCESS_KEY_SECRET');
    expect(credentialEnvNames('oss-v1').sessionToken).toBe('OSS_SESSION_TOKEN');
    expect(credentialEnvNames('s3-v4').accessKeySecret).toBe('AWS_SECRET_ACCESS_KEY');
  });
});

describe('secretEnvValues', () => {
  it('lists secrets and tokens of both ecosystems, not the key ids', () => {
    expect([...secretEnvValues({ ...OSS, ...AWS, HOME: '/root' })].sort()).toEqual(
      ['aws-secret', 'aws-token', 'oss-secret', 'oss-token'].sort(),
    );
    expect(secretEnvValues({ OSS_ACCESS_KEY_SECRET: '' })).toEqual([]);
  });
});

describe('refuseCredentialFlags', () => {
  it.each([
    ['--secret', 'x'],
    ['--access-key-secret=x'],
    ['--access-key-id', 'LTAI'],
    ['--accessKeySecret', 'x'],
    ['--secret-access-key', 'x'],
    ['--session-token', 'x'],
    ['--security-token=x'],
    ['--sts-token', 'x'],
    ['--password', 'x'],
    ['--credentials', 'x'],
    ['--key-id', 'x'],
    ['--sk', 'x'],
    ['-secret', 'x'],
  ])('refuses %s, naming the flag and the environment variables but not the value', (...args) => {
    const error = caught(() => refuseCredentialFlags(['--bucket', 'b', ...args]));
    expect(error.code).toBe('credentials-in-arguments');
    expect(error.message).toContain('--');
    expect(`${error.message} ${error.hint}`).toContain('OSS_ACCESS_KEY_SECRET');
    expect(`${error.message} ${error.hint}`).toContain('AWS_SECRET_ACCESS_KEY');
    expect(`${error.message} ${error.hint}`).not.toMatch(/=x|LTAI/);
  });

  it('lets ordinary flags through, including --key and values after a lone --', () => {
    expect(() =>
      refuseCredentialFlags(['--key', 'my-secret.txt', '--additional-header', 'host', '--query', 'uploads']),
    ).not.toThrow();
    expect(() => refuseCredentialFlags(['--bucket', 'b', '--', '--secret'])).not.toThrow();
    expect(() => refuseCredentialFlags(['--kms-key-id', 'k'])).not.toThrow();
  });
});
