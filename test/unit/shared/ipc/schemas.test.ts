/**
 * What each argument schema accepts and refuses: valid requests, wrong types, unknown fields (including
 * `__proto__` and `constructor` as own keys), arity, and the bounds (huge arrays, long strings).
 */
import { describe, expect, it } from 'vitest';
import type { InvokeChannel } from '../../../../electron/shared/ipc/channels.js';
import { argSchemas, MAX_ENQUEUE_PATHS, MAX_PATH_LENGTH } from '../../../../electron/shared/ipc/schemas.js';
import { DEFAULT_SETTINGS } from '../../../../electron/shared/ipc/settings.js';

const PROFILE = {
  name: 'prod',
  provider: 'oss',
  region: 'cn-hangzhou',
  endpoint: { kind: 'public' },
  bucket: 'photos',
  accessKeyId: 'LTAI5tExample',
};

/** Valid argument tuples, at least one per channel. */
const ACCEPTED: readonly (readonly [InvokeChannel, unknown[]])[] = [
  ['app:info', []],
  ['transfers:enqueue', [{ paths: ['/home/me/photos'] }]],
  ['transfers:enqueue', [{ paths: ['/a', 'C:\\b'], profile: 'prod', prefix: 'x/', keyTemplate: '{date}/{name}', ifExists: 'rename' }]],
  ['transfers:enqueue', [{ paths: ['/a'], profile: undefined }]],
  ['transfers:pause', []],
  ['transfers:pause', ['6f1c2d3e-0000-4000-8000-000000000001']],
  ['transfers:resume', [undefined]],
  ['transfers:cancel', ['t1']],
  ['transfers:retry', []],
  ['transfers:remove', ['t1']],
  ['transfers:clear-finished', []],
  ['transfers:snapshot', []],
  ['profiles:list', []],
  ['profiles:get', ['local']],
  ['profiles:save', [{ profile: PROFILE, secret: { accessKeySecret: 's3cr3t' } }]],
  ['profiles:save', [{ profile: { ...PROFILE, endpoint: { kind: 'custom', url: 'http://127.0.0.1:9000' }, style: 'path', provider: 's3', scheme: 's3-v4' }, replace: true }]],
  ['profiles:save', [{ profile: PROFILE, secret: { accessKeySecret: 's', securityToken: 't', securityTokenExpiresAt: '2030-01-01T00:00:00Z' } }]],
  ['profiles:remove', ['prod']],
  ['profiles:set-default', ['local']],
  ['profiles:test', []],
  ['profiles:test', ['prod']],
  ['profiles:import-preview', []],
  ['profiles:import-preview', [{ from: 'aws', bucket: 'b1', region: 'us-east-1', secretStore: 'keychain' }]],
  ['profiles:import-apply', [{ names: ['aws-default'] }]],
  ['links:create', [{ method: 'GET', key: 'a/b.txt' }]],
  ['links:create', [{ method: 'PUT', key: 'a', profile: 'prod', expiresInSeconds: 600, contentType: 'image/png', forbidOverwrite: true, storageClass: 'IA', metadata: [{ name: 'who', value: 'me' }] }]],
  ['links:create', [{ method: 'GET', key: 'a', versionId: 'v1', process: 'image/resize,w_10', responseContentDisposition: 'attachment', fileName: 'a.png' }]],
  ['links:drop-page', ['6f1c2d3e-0000-4000-8000-000000000001']],
  ['links:drop-page', ['l1', 'zh-CN']],
  ['links:drop-page', ['l1', undefined]],
  ['history:list', []],
  ['history:list', [{ text: 'beach', limit: 20, before: '120' }]],
  ['settings:get', []],
  ['settings:set', [{}]],
  ['settings:set', [{ concurrency: 8, theme: 'dark', globalShortcut: 'CommandOrControl+Shift+U' }]],
  ['settings:set', [{ ...DEFAULT_SETTINGS }]],
  ['unfinished:list', [{ profile: 'local' }]],
  ['unfinished:list', [{ profile: 'prod', prefix: 'videos/' }]],
  ['unfinished:list', [{ profile: 'prod', prefix: undefined }]],
  ['unfinished:list', [{ profile: 'prod', prefix: 'videos/', withSizes: true }]],
  ['unfinished:list', [{ profile: 'prod', withSizes: false }]],
  ['unfinished:list', [{ profile: 'prod', withSizes: undefined }]],
  ['unfinished:abort', [{ profile: 'prod', uploads: [{ key: 'videos/big 1+1.mov', uploadId: '0004B9895DBBB6EC98E36' }] }]],
  ['unfinished:abort', [{ profile: 'prod', uploads: [{ key: 'a', uploadId: 'VXBsb2FkIElE+Zm9y/IDZpbWc=' }, { key: 'b', uploadId: '2~abc.def_ghi-jkl' }] }]],
];

/** Invalid argument tuples and why. */
const REFUSED: readonly (readonly [string, InvokeChannel, unknown])[] = [
  ['not an array', 'app:info', {}],
  ['extra argument', 'app:info', [1]],
  ['extra argument after the request', 'transfers:enqueue', [{ paths: ['/a'] }, 'more']],
  ['missing request', 'transfers:enqueue', []],
  ['no paths', 'transfers:enqueue', [{ paths: [] }]],
  ['paths not an array', 'transfers:enqueue', [{ paths: '/a' }]],
  ['a path of the wrong type', 'transfers:enqueue', [{ paths: [42] }]],
  ['a NUL in a path', 'transfers:enqueue', [{ paths: ['/a\0b'] }]],
  ['an unknown field', 'transfers:enqueue', [{ paths: ['/a'], bucket: 'other' }]],
  ['__proto__ as an own key', 'transfers:enqueue', [JSON.parse('{"paths":["/a"],"__proto__":{"polluted":true}}')]],
  ['constructor as a key', 'transfers:enqueue', [{ paths: ['/a'], constructor: { prototype: {} } }]],
  ['an unknown policy', 'transfers:enqueue', [{ paths: ['/a'], ifExists: 'merge' }]],
  ['a bad profile name', 'transfers:enqueue', [{ paths: ['/a'], profile: 'Prod!' }]],
  ['an id that is not an id', 'transfers:pause', ['../../etc']],
  ['an id of the wrong type', 'transfers:cancel', [7]],
  ['a name of the wrong type', 'profiles:get', [null]],
  ['profile without accessKeyId', 'profiles:save', [{ profile: { ...PROFILE, accessKeyId: undefined } }]],
  ['secret inside the profile', 'profiles:save', [{ profile: { ...PROFILE, accessKeySecret: 'x' } }]],
  ['unknown endpoint kind', 'profiles:save', [{ profile: { ...PROFILE, endpoint: { kind: 'moon' } } }]],
  ['extra field in the endpoint', 'profiles:save', [{ profile: { ...PROFILE, endpoint: { kind: 'public', url: 'x' } } }]],
  ['empty secret', 'profiles:save', [{ profile: PROFILE, secret: { accessKeySecret: '' } }]],
  ['token expiry not ISO', 'profiles:save', [{ profile: PROFILE, secret: { accessKeySecret: 's', securityTokenExpiresAt: 'tomorrow' } }]],
  ['link expiry beyond 7 days', 'profiles:save', [{ profile: { ...PROFILE, linkExpirySeconds: 604_801 } }]],
  ['fractional link expiry', 'profiles:save', [{ profile: { ...PROFILE, linkExpirySeconds: 1.5 } }]],
  ['no names to import', 'profiles:import-apply', [{ names: [] }]],
  ['unknown import source', 'profiles:import-preview', [{ from: 'dropbox' }]],
  ['unknown method', 'links:create', [{ method: 'DELETE', key: 'a' }]],
  ['empty key', 'links:create', [{ method: 'GET', key: '' }]],
  ['key beyond 1023 characters', 'links:create', [{ method: 'GET', key: 'k'.repeat(1024) }]],
  ['metadata as a map', 'links:create', [{ method: 'PUT', key: 'a', metadata: { who: 'me' } }]],
  ['metadata name with underscores', 'links:create', [{ method: 'PUT', key: 'a', metadata: [{ name: '__proto__', value: 'x' }] }]],
  ['too much metadata', 'links:create', [{ method: 'PUT', key: 'a', metadata: Array.from({ length: 33 }, (_, i) => ({ name: `m${i}`, value: 'v' })) }]],
  ['zero expiry', 'links:create', [{ method: 'GET', key: 'a', expiresInSeconds: 0 }]],
  ['infinite expiry', 'links:create', [{ method: 'GET', key: 'a', expiresInSeconds: Number.POSITIVE_INFINITY }]],
  ['a drop page for a link id that is not one', 'links:drop-page', ['../links.json']],
  ['a drop page in a language the page does not speak', 'links:drop-page', ['l1', 'fr']],
  ['a drop page with an extra argument', 'links:drop-page', ['l1', 'en', 'more']],
  ['history limit too big', 'history:list', [{ limit: 501 }]],
  ['history cursor not a number', 'history:list', [{ before: 'abc' }]],
  ['concurrency 0', 'settings:set', [{ concurrency: 0 }]],
  ['concurrency 33', 'settings:set', [{ concurrency: 33 }]],
  ['concurrency as text', 'settings:set', [{ concurrency: '4' }]],
  ['part size below 5 MiB', 'settings:set', [{ partSize: 1024 }]],
  ['unknown theme', 'settings:set', [{ theme: 'blue' }]],
  ['unknown setting', 'settings:set', [{ darkMode: true }]],
  ['shortcut with spaces', 'settings:set', [{ globalShortcut: 'Ctrl + U' }]],
  ['__proto__ in settings', 'settings:set', [JSON.parse('{"__proto__":{"concurrency":32}}')]],
  ['unfinished uploads without a profile', 'unfinished:list', [{}]],
  ['unfinished uploads under a prefix with a NUL', 'unfinished:list', [{ profile: 'prod', prefix: 'a\0' }]],
  ['unfinished uploads with a bucket of their own', 'unfinished:list', [{ profile: 'prod', bucket: 'other' }]],
  ['unfinished uploads with sizes asked as text', 'unfinished:list', [{ profile: 'prod', withSizes: 'yes' }]],
  ['unfinished uploads with sizes asked as a number', 'unfinished:list', [{ profile: 'prod', withSizes: 1 }]],
  ['unfinished uploads with sizes asked by another name', 'unfinished:list', [{ profile: 'prod', sizes: true }]],
  ['an abort of nothing', 'unfinished:abort', [{ profile: 'prod', uploads: [] }]],
  ['an abort of an id that would add query parameters', 'unfinished:abort', [{ profile: 'prod', uploads: [{ key: 'a', uploadId: 'X&uploads=' }] }]],
  ['an abort of an id with a space', 'unfinished:abort', [{ profile: 'prod', uploads: [{ key: 'a', uploadId: 'X Y' }] }]],
  ['an abort of an empty key', 'unfinished:abort', [{ profile: 'prod', uploads: [{ key: '', uploadId: 'X' }] }]],
  ['an abort of 1,001 uploads', 'unfinished:abort', [{ profile: 'prod', uploads: Array.from({ length: 1001 }, (_, i) => ({ key: `k${i}`, uploadId: `U${i}` })) }]],
  ['an abort with an unknown field in an upload', 'unfinished:abort', [{ profile: 'prod', uploads: [{ key: 'a', uploadId: 'X', force: true }] }]],
];

describe('argument schemas', () => {
  it.each(ACCEPTED)('accept %s %j', (channel, args) => {
    const result = argSchemas[channel].safeParse(args);
    expect(result.error?.issues).toBeUndefined();
  });

  it.each(REFUSED)('refuse %s (%s)', (_why, channel, args) => {
    expect(argSchemas[channel].safeParse(args).success).toBe(false);
  });

  it('bounds enqueue at 10,000 paths and each path at 32,767 characters', () => {
    const schema = argSchemas['transfers:enqueue'];
    expect(schema.safeParse([{ paths: Array.from({ length: MAX_ENQUEUE_PATHS }, (_, i) => `/f${i}`) }]).success).toBe(true);
    expect(schema.safeParse([{ paths: Array.from({ length: MAX_ENQUEUE_PATHS + 1 }, (_, i) => `/f${i}`) }]).success).toBe(false);
    expect(schema.safeParse([{ paths: [`/${'a'.repeat(MAX_PATH_LENGTH - 1)}`] }]).success).toBe(true);
    expect(schema.safeParse([{ paths: [`/${'a'.repeat(MAX_PATH_LENGTH)}`] }]).success).toBe(false);
  });

  it('hands out fresh objects whose prototype is untouched', () => {
    const parsed = argSchemas['settings:set'].safeParse([{ concurrency: 2 }]);
    expect(parsed.success).toBe(true);
    expect(Object.getPrototypeOf(parsed.data?.[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
