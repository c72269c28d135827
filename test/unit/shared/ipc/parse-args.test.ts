/**
 * parseArgs: the typed tuple, or `invalid-argument` naming the channel and the field, never echoing the
 * value received (which may be a misplaced secret).
 */
import { describe, expect, it } from 'vitest';
import type { InvokeChannel } from '../../../../electron/shared/ipc/channels.js';
import { parseArgs } from '../../../../electron/shared/ipc/parse-args.js';

const SECRET = 'Sup3r+Secret/Value=NeverEchoed';

describe('parseArgs', () => {
  it('returns the typed tuple', () => {
    const parsed = parseArgs('transfers:enqueue', [{ paths: ['/a'], ifExists: 'skip' }]);
    expect(parsed).toEqual({ ok: true, value: [{ paths: ['/a'], ifExists: 'skip' }] });
  });

  it('names the field of a nested problem', () => {
    const parsed = parseArgs('transfers:enqueue', [{ paths: ['/a', 7] }]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('invalid-argument');
    expect(parsed.error.details).toEqual({ channel: 'transfers:enqueue', field: 'paths[1]' });
    expect(parsed.error.message).toContain('transfers:enqueue');
    expect(parsed.error.message).toContain('paths[1]');
  });

  it('names an unknown field and says it is not known', () => {
    const parsed = parseArgs('profiles:save', [{ profile: { name: 'p', provider: 'oss', region: 'r', endpoint: { kind: 'public' }, bucket: 'b', accessKeyId: 'k', accessKeySecret: SECRET } }]);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.details?.['field']).toBe('profile.accessKeySecret');
    expect(parsed.error.message).toContain('is not a known field');
    expect(JSON.stringify(parsed.error)).not.toContain(SECRET);
  });

  it('never echoes the value received', () => {
    for (const args of [[{ profile: SECRET }], [{ profile: { name: SECRET } }], [SECRET], [{ profile: {}, secret: { accessKeySecret: 42, securityToken: SECRET.repeat(2000) } }]]) {
      const parsed = parseArgs('profiles:save', args);
      expect(parsed.ok).toBe(false);
      expect(JSON.stringify(parsed)).not.toContain(SECRET);
    }
  });

  it('reports arity problems without a field', () => {
    const parsed = parseArgs('app:info', ['extra']);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.details).toEqual({ channel: 'app:info' });
  });

  it('refuses an unknown channel and non-array arguments', () => {
    expect(parseArgs('files:delete' as InvokeChannel, []).ok).toBe(false);
    expect(parseArgs('app:info', { length: 0 }).ok).toBe(false);
    expect(parseArgs('app:info', undefined).ok).toBe(false);
  });

  it('keeps messages short whatever the key names', () => {
    const parsed = parseArgs('settings:set', [{ ['k'.repeat(100_000)]: 1 }]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.message.length).toBeLessThanOrEqual(300);
      expect(JSON.stringify(parsed.error).length).toBeLessThan(1000);
    }
  });

  it('survives objects that throw when read', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    const parsed = parseArgs('transfers:enqueue', [hostile]);
    expect(parsed.ok).toBe(false);
  });
});
