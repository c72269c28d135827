/**
 * Reads one value from the host for a screen: asks once the connection is open and whenever `args`
 * change, again each time the connection opens anew (browser mode reconnects), and on `reload()` (which
 * keeps showing the last answer until the new one arrives); `args` null asks nothing (yet). An answer
 * that arrives after the arguments changed (or the screen closed) is dropped.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { InvokeArgs, InvokeChannel, InvokeValue } from '../../../../electron/shared/ipc/channels.js';
import { useBridge } from '../../app/bridge-context.js';
import { useAppStore } from '../../store/index.js';

/** A value on its way from the host. */
export type HostValue<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly value: T }
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

const LOADING = { kind: 'loading' } as const;

/** The value of `channel` called with `args`, and a way to ask again. */
export function useHostValue<C extends InvokeChannel>(channel: C, args: InvokeArgs<C> | null): { readonly state: HostValue<InvokeValue<C>>; readonly reload: () => void } {
  const { api } = useBridge();
  // Asked before the connection is open, the bridge would only answer that the host cannot be reached.
  const open = useAppStore((state) => state.connection.kind === 'open');
  const [answer, setAnswer] = useState<{ readonly args: InvokeArgs<C>; readonly state: HostValue<InvokeValue<C>> } | undefined>(undefined);
  const [round, setRound] = useState(0);
  // Arguments are plain data: their JSON says when they changed, however the caller builds them.
  const argsKey = JSON.stringify(args);
  const stableArgs = useMemo(() => args, [argsKey]);
  useEffect(() => {
    if (stableArgs === null || !open) return undefined;
    let current = true;
    void api.invoke(channel, ...stableArgs).then((result) => {
      if (!current) return;
      setAnswer({ args: stableArgs, state: result.ok ? { kind: 'ready', value: result.value } : { kind: 'failed', error: result.error } });
    });
    return () => {
      current = false;
    };
  }, [api, channel, stableArgs, round, open]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { state: answer?.args === stableArgs ? answer.state : LOADING, reload };
}
