/**
 * Runs profile tests (`profiles:test`) and keeps each profile's latest result; several may run at once.
 * A test the host refuses to run (no secret, keychain locked) is kept as its error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBridge } from '../../app/bridge-context.js';
import type { ProbeState } from './ProbeReport.js';

/** The results by profile name, and the function that tests one. */
export function useProfileTests(): { readonly tests: ReadonlyMap<string, ProbeState>; readonly runTest: (name: string) => Promise<void> } {
  const { api } = useBridge();
  const [tests, setTests] = useState<ReadonlyMap<string, ProbeState>>(new Map());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  const runTest = useCallback(
    async (name: string) => {
      const put = (state: ProbeState) => setTests((previous) => new Map(previous).set(name, state));
      put({ kind: 'running' });
      const answer = await api.invoke('profiles:test', name);
      if (!mounted.current) return;
      put(answer.ok ? { kind: 'report', report: answer.value } : { kind: 'error', error: answer.error });
    },
    [api],
  );
  return { tests, runTest };
}
