/**
 * The listing of a profile's unfinished uploads (`unfinished:list`), asked for only when the user asks;
 * a late answer to an older request is dropped, and so is one that arrives after the screen closed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { UnfinishedListing } from '../../../../electron/shared/ipc/unfinished-types.js';
import { useBridge } from '../../app/bridge-context.js';

/** Nothing asked yet, asking, the answer (with the time it came, which ages are judged against), or why not. */
export type ListingState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'listing'; readonly profile: string }
  | { readonly kind: 'listed'; readonly listing: UnfinishedListing; readonly prefix: string; readonly listedAtMs: number; readonly generation: number }
  | { readonly kind: 'failed'; readonly error: ErrorInfo; readonly profile: string };

/** The state, and the function that lists `profile`'s bucket under `prefix`. */
export function useUnfinishedListing(): { readonly state: ListingState; readonly find: (profile: string, prefix: string) => Promise<void> } {
  const { api } = useBridge();
  const [state, setState] = useState<ListingState>({ kind: 'idle' });
  const generation = useRef(0);
  useEffect(() => {
    const mine = generation;
    return () => void (mine.current += 1);
  }, []);
  const find = useCallback(
    async (profile: string, prefix: string) => {
      const mine = ++generation.current;
      setState({ kind: 'listing', profile });
      const answer = await api.invoke('unfinished:list', prefix === '' ? { profile } : { profile, prefix });
      if (mine !== generation.current) return;
      setState(answer.ok ? { kind: 'listed', listing: answer.value, prefix, listedAtMs: Date.now(), generation: mine } : { kind: 'failed', error: answer.error, profile });
    },
    [api],
  );
  return { state, find };
}
