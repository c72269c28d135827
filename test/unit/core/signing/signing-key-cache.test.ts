import { describe, expect, it } from 'vitest';
import { ossV4Signature } from '../../../../electron/core/signing/oss-v4.js';
import { s3V4Signature } from '../../../../electron/core/signing/s3-v4.js';
import { cachedSigningKey } from '../../../../electron/core/signing/signing-key-cache.js';

describe('cachedSigningKey', () => {
  it('derives once per secret and scope', () => {
    let derivations = 0;
    const derive = (): Buffer => Buffer.from(`key ${++derivations}`);
    const a = cachedSigningKey('secret-a', '["t","20250101","r"]', derive);
    expect(cachedSigningKey('secret-a', '["t","20250101","r"]', derive)).toBe(a);
    expect(derivations).toBe(1);
    expect(cachedSigningKey('secret-b', '["t","20250101","r"]', derive)).not.toBe(a);
    expect(cachedSigningKey('secret-a', '["t","20250102","r"]', derive)).not.toBe(a);
    expect(derivations).toBe(3);
  });

  it('stays bounded: old entries are derived again', () => {
    let derivations = 0;
    const derive = (): Buffer => Buffer.from(String(++derivations));
    for (let i = 0; i < 100; i++) cachedSigningKey('bounded', `["t","${i}"]`, derive);
    expect(derivations).toBe(100);
    cachedSigningKey('bounded', '["t","0"]', derive);
    expect(derivations).toBe(101);
  });

  it('leaves V4 signatures unchanged, from a cold or a warm cache', () => {
    // Different secrets and scopes alternate, so both the derivation and the cached path are exercised.
    for (let round = 0; round < 2; round++) {
      expect(ossV4Signature('secret-1', '20250101', 'cn-hangzhou', 'sts')).not.toBe(ossV4Signature('secret-2', '20250101', 'cn-hangzhou', 'sts'));
      expect(ossV4Signature('secret-1', '20250101', 'cn-hangzhou', 'sts')).not.toBe(ossV4Signature('secret-1', '20250101', 'cn-beijing', 'sts'));
      expect(s3V4Signature('secret-1', '20250101', 'us-east-1', 'sts')).not.toBe(ossV4Signature('secret-1', '20250101', 'us-east-1', 'sts'));
    }
  });
});
