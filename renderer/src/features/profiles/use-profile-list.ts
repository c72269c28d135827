/**
 * The profile list as the host has it (`profiles:list`), read when the screen opens and again after each
 * change; a late answer to an older read is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ProfileList } from '../../../../electron/shared/ipc/profile-types.js';
import { useBridge } from '../../app/bridge-context.js';

/** The list, while it loads, or why it could not be read. */
export type ProfileListState = { readonly kind: 'loading' } | { readonly kind: 'loaded'; readonly list: ProfileList } | { readonly kind: 'failed'; readonly error: ErrorInfo };

/** The list and the function that reads it again. */
export function useProfileList(): { readonly state: ProfileListState; readonly reload: () => Promise<void> } {
  const { api } = useBridge();
  const [state, setState] = useState<ProfileListState>({ kind: 'loading' });
  const generation = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const answer = await api.invoke('profiles:list');
    if (mine !== generation.current) return;
    setState(answer.ok ? { kind: 'loaded', list: answer.value } : { kind: 'failed', error: answer.error });
  }, [api]);
  useEffect(() => {
    void reload();
    // A list answered after the screen closed is of no use.
    return () => void (generation.current += 1);
  }, [reload]);
  return { state, reload };
}
