/**
 * The listing of a profile's unfinished uploads (`unfinished:list`), asked for only when the user asks,
 * with what each holds when asked for that too; a late answer to an older request is dropped, and so is
 * one that arrives after the screen closed.
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

/** What to list: `profile`'s bucket under `prefix` ('' for all of it), with what each upload holds or not. */
export interface ListingQuery {
  readonly profile: string;
  readonly prefix: string;
  readonly withSizes: boolean;
}

/** The state, and the function that lists. */
export function useUnfinishedListing(): { readonly state: ListingState; readonly find: (query: ListingQuery) => Promise<void> } {
  const { api } = useBridge();
  const [state, setState] = useState<ListingState>({ kind: 'idle' });
  const generation = useRef(0);
  useEffect(() => {
    const mine = generation;
    return () => void (mine.current += 1);
  }, []);
  const find = useCallback(
    async ({ profile, prefix, withSizes }: ListingQuery) => {
      const mine = ++generation.current;
      setState({ kind: 'listing', profile });
      const answer = await api.invoke('unfinished:list', { profile, ...(prefix === '' ? {} : { prefix }), ...(withSizes ? { withSizes } : {}) });
      if (mine !== generation.current) return;
      setState(answer.ok ? { kind: 'listed', listing: answer.value, prefix, listedAtMs: Date.now(), generation: mine } : { kind: 'failed', error: answer.error, profile });
    },
    [api],
  );
  return { state, find };
}
