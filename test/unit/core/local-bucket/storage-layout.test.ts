import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OssError } from '../../../../electron/core/local-bucket/oss-errors.js';
import { checkObjectKey, isValidBucketName, OBJECT_SHARDS, StorageLayout } from '../../../../electron/core/local-bucket/storage-layout.js';

const layout = new StorageLayout('/data/dir');

describe('StorageLayout', () => {
  it('maps any key to a hex name in the shard named by its first two digits, whatever the key says (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), (key) => {
        const file = layout.objectPath('photos', key);
        const [shard, name, ...rest] = path.relative(layout.objectsDir('photos'), file).split(path.sep);
        expect(rest).toEqual([]);
        expect(name).toMatch(/^[0-9a-f]{64}$/);
        expect(shard).toBe(name?.slice(0, 2));
        expect(OBJECT_SHARDS).toContain(shard);
        expect(file.startsWith(`${layout.root}${path.sep}`)).toBe(true);
      }),
    );
  });

  it('has 256 distinct shard directories, 00 to ff, and refuses any other shard name', () => {
    expect(new Set(OBJECT_SHARDS).size).toBe(256);
    expect(OBJECT_SHARDS[0]).toBe('00');
    expect(OBJECT_SHARDS[255]).toBe('ff');
    for (const shard of ['', '0', '000', 'FF', '..', 'g0']) expect(() => layout.objectShardDir('photos', shard)).toThrow();
  });

  it('maps hostile keys to distinct hex names', () => {
    const keys = ['../../etc/passwd', '%2e%2e/x', '..\\..\\x', 'a//b', 'C:\\Windows\\x', 'a\u0000b', '.', '..'];
    const names = keys.map((k) => path.basename(layout.objectPath('photos', k)));
    expect(new Set(names).size).toBe(keys.length);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses bucket names OSS refuses, so they never become paths', () => {
    for (const name of ['..', '.', 'a', 'UPPER', 'a/b', 'a..b', '-ab', 'ab-', 'a_b', `${'a'.repeat(64)}`, 'a b']) {
      expect(isValidBucketName(name)).toBe(false);
      expect(() => layout.bucketDir(name)).toThrow(OssError);
    }
    for (const name of ['abc', 'photos-2024', 'a1b', 'a'.repeat(63)]) expect(isValidBucketName(name)).toBe(true);
  });

  it('refuses upload ids it cannot have made with NoSuchUpload', () => {
    for (const id of ['../x', '', 'abc', `${'A'.repeat(31)}/`, 'a'.repeat(32)]) {
      try {
        layout.uploadDir('photos', id);
        expect.unreachable();
      } catch (error) {
        expect((error as OssError).response.code).toBe('NoSuchUpload');
      }
    }
  });
});

describe('checkObjectKey', () => {
  it('accepts 1..1023 bytes not starting with / or \\', () => {
    for (const key of ['a', '../x', 'a//b', 'C:\\x', '\u0000', '猫'.repeat(341), 'x'.repeat(1023)]) {
      expect(() => checkObjectKey(key)).not.toThrow();
    }
  });

  it('refuses empty, too long and rooted keys with InvalidObjectName', () => {
    for (const key of ['', 'x'.repeat(1024), '猫'.repeat(342), '/etc/passwd', '\\x']) {
      try {
        checkObjectKey(key);
        expect.unreachable();
      } catch (error) {
        expect((error as OssError).response.code).toBe('InvalidObjectName');
      }
    }
  });
});
