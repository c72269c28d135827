/**
 * The profiles the destination bar offers (`profiles:list`), asked for when the screen opens and again
 * whenever the connection to the host opens (a restarted host may have other profiles).
 */
import { useEffect, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { ProfileList } from '../../../../electron/shared/ipc/profile-types.js';
import { useBridge } from '../../app/bridge-context.js';
import { useAppStore } from '../../store/index.js';

/** Where the list is. */
export type ProfilesState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly list: ProfileList }
  | { readonly kind: 'failed'; readonly error: ErrorInfo };

/** The profiles, loaded on mount and on each (re)connection. */
export function useProfiles(): ProfilesState {
  const { api } = useBridge();
  const open = useAppStore((state) => state.connection.kind === 'open');
  const [profiles, setProfiles] = useState<ProfilesState>({ kind: 'loading' });
  useEffect(() => {
    if (!open) return undefined;
    let live = true;
    void api.invoke('profiles:list').then((result) => {
      if (live) setProfiles(result.ok ? { kind: 'ready', list: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, open]);
  return profiles;
}
