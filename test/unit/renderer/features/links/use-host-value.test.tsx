import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeContext } from '../../../../../renderer/src/app/bridge-context.js';
import { useHostValue } from '../../../../../renderer/src/features/links/use-host-value.js';
import { appStore } from '../../../../../renderer/src/store/index.js';
import { fakeBridge, issuedLink, ok } from './fake-bridge.js';

/** Shows the state of `links:list` and offers a reload. */
function Probe() {
  const { state, reload } = useHostValue('links:list', []);
  return (
    <button type="button" onClick={reload}>
      {state.kind === 'ready' ? `${state.value.total} links` : state.kind}
    </button>
  );
}

describe('useHostValue', () => {
  afterEach(() => {
    appStore.getState().setConnection({ kind: 'connecting' });
  });

  it('asks nothing before the connection is open, asks when it opens, and asks again when it reopens', async () => {
    let total = 0;
    const { bridge, callsTo } = fakeBridge({ 'links:list': () => ok({ links: [issuedLink('a')], total: ++total }) });
    appStore.getState().setConnection({ kind: 'connecting' });
    render(
      <BridgeContext.Provider value={bridge}>
        <Probe />
      </BridgeContext.Provider>,
    );
    expect(screen.getByRole('button').textContent).toBe('loading');
    expect(callsTo('links:list')).toHaveLength(0);

    act(() => appStore.getState().setConnection({ kind: 'open' }));
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('1 links'));

    act(() => appStore.getState().setConnection({ kind: 'reconnecting', attempt: 1 }));
    // The last answer stays on screen while the host is away.
    expect(screen.getByRole('button').textContent).toBe('1 links');
    act(() => appStore.getState().setConnection({ kind: 'open' }));
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('2 links'));

    act(() => screen.getByRole('button').click());
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('3 links'));
    expect(callsTo('links:list')).toHaveLength(3);
  });
});
