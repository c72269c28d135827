/**
 * One call from the page reaches the services only after the contract's schema accepted it; in browser
 * mode `transfers:enqueue` takes spool references only, turned into paths on the host.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../electron/shared/ipc/channels.js';
import type { ContractServices } from '../../../../electron/web-host/contract-services.js';
import { runCall } from '../../../../electron/web-host/socket/run-call.js';
import type { SpoolStore } from '../../../../electron/web-host/spool/spool-store.js';

function fakes(answer: Result<unknown> = { ok: true, value: null }) {
  const invoke = vi.fn((..._args: unknown[]) => Promise.resolve(answer));
  const services = { invoke, on: () => () => undefined } as unknown as ContractServices;
  const spool = {
    take: vi.fn((ids: readonly string[]) => Promise.resolve(ids[0] === 'unknown' ? { ok: false, error: { code: 'invalid-argument', message: 'm', hint: 'h' } } : { ok: true, value: ids.map((id) => `/spool/batch/${id}`) })),
    discard: vi.fn(() => Promise.resolve()),
  };
  return { services, spool, invoke, deps: { services, spool: spool as unknown as SpoolStore } };
}

describe('runCall', () => {
  it('passes a valid call on with its parsed arguments', async () => {
    const { deps, invoke } = fakes({ ok: true, value: 'answer' });
    expect(await runCall('transfers:cancel', ['t-1'], deps)).toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith('transfers:cancel', ['t-1']);
  });

  it('refuses invalid arguments before any service runs', async () => {
    const { deps, invoke } = fakes();
    expect(await runCall('transfers:cancel', [1], deps)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await runCall('settings:set', [{ theme: 'neon' }], deps)).toMatchObject({ ok: false });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns spool references into the spooled paths, and refuses any other path', async () => {
    const { deps, invoke, spool } = fakes({ ok: true, value: { profile: 'local', ids: [], problems: [], alreadyQueued: 0 } });
    await runCall('transfers:enqueue', [{ paths: ['spool:aa', 'spool:bb'], prefix: 'in' }], deps);
    expect(spool.take).toHaveBeenCalledWith(['aa', 'bb']);
    expect(invoke).toHaveBeenCalledWith('transfers:enqueue', [{ paths: ['/spool/batch/aa', '/spool/batch/bb'], prefix: 'in' }]);

    invoke.mockClear();
    expect(await runCall('transfers:enqueue', [{ paths: ['spool:aa', '/etc/passwd'] }], deps)).toMatchObject({ ok: false, error: { details: { field: 'paths[1]' } } });
    expect(await runCall('transfers:enqueue', [{ paths: ['spool:unknown'] }], deps)).toMatchObject({ ok: false });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('discards spooled files the services did not take', async () => {
    const refused = fakes({ ok: false, error: { code: 'profile-not-found', message: 'm', hint: 'h' } });
    await runCall('transfers:enqueue', [{ paths: ['spool:aa'], profile: 'gone' }], refused.deps);
    expect(refused.spool.discard).toHaveBeenCalledWith('/spool/batch/aa');

    const problem = { path: '/spool/batch/bb/x', relativePath: 'bb/x', error: { code: 'special-file', message: 'm', hint: 'h' } };
    const partly = fakes({ ok: true, value: { profile: 'local', ids: [], problems: [problem], alreadyQueued: 0 } });
    await runCall('transfers:enqueue', [{ paths: ['spool:bb'] }], partly.deps);
    expect(partly.spool.discard.mock.calls).toEqual([['/spool/batch/bb/x']]);
  });

  it('answers a service that throws with an error Result', async () => {
    const { deps, invoke } = fakes();
    invoke.mockRejectedValueOnce(new Error('boom'));
    expect(await runCall('app:info', [], deps)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
