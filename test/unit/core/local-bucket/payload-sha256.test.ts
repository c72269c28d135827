/** S3's x-amz-content-sha256 as the local bucket reads and checks it (electron/core/local-bucket/payload-sha256.ts). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OssError } from '../../../../electron/core/local-bucket/oss-errors.js';
import { PayloadCheck, payloadClaim } from '../../../../electron/core/local-bucket/payload-sha256.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function refusal(run: () => void): OssError {
  try {
    run();
  } catch (error) {
    if (error instanceof OssError) return error;
    throw error;
  }
  throw new Error('expected an OssError');
}

describe('payloadClaim', () => {
  it('states nothing without the header or with UNSIGNED-PAYLOAD, and a lower-case digest otherwise', () => {
    expect(payloadClaim(undefined)).toEqual({ kind: 'none' });
    expect(payloadClaim('UNSIGNED-PAYLOAD')).toEqual({ kind: 'none' });
    expect(payloadClaim(sha256('a').toUpperCase())).toEqual({ kind: 'sha256', hex: sha256('a') });
  });

  it('refuses anything else with InvalidArgument, echoing at most 80 characters of it', () => {
    const error = refusal(() => payloadClaim(`x${'y'.repeat(500)}`));
    expect(error.response).toMatchObject({ status: 400, code: 'InvalidArgument', details: { ArgumentName: 'x-amz-content-sha256' } });
    expect(error.response.details?.['ArgumentValue']).toHaveLength(80);
    for (const value of ['', 'unsigned-payload', sha256('a').slice(1), `${sha256('a')}0`]) {
      expect(refusal(() => payloadClaim(value)).response.code).toBe('InvalidArgument');
    }
  });
});

describe('PayloadCheck', () => {
  it('accepts a body fed in chunks that hashes to the claim, and names both digests when it does not', () => {
    const good = new PayloadCheck({ kind: 'sha256', hex: sha256('hello world') });
    good.update(Buffer.from('hello '));
    good.update(Buffer.from('world'));
    expect(() => good.verify()).not.toThrow();

    const bad = new PayloadCheck({ kind: 'sha256', hex: sha256('hello world') });
    bad.update(Buffer.from('hello there'));
    expect(refusal(() => bad.verify()).response).toMatchObject({
      status: 400,
      code: 'XAmzContentSHA256Mismatch',
      details: { ClientComputedContentSHA256: sha256('hello world'), S3ComputedContentSHA256: sha256('hello there') },
    });
  });

  it('checks nothing when nothing was claimed', () => {
    const none = new PayloadCheck({ kind: 'none' });
    none.update(Buffer.from('anything'));
    expect(() => none.verify()).not.toThrow();
  });
});
