/**
 * Saves one change at a time as the user makes it (`settings:set` with just that field) and puts the
 * host's answer, the settings after the change, in the store: the appearance (theme, language) follows
 * from there at once. Keeps what the last save did and the host's refusal per field. While a change is on
 * its way the screen shows it (a radio button or checkbox must not jump back until the host answers);
 * a refused change falls back to the stored value.
 */
import { useCallback, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../electron/shared/errors.js';
import type { AppSettings, SettingsPatch } from '../../../../electron/shared/ipc/settings.js';
import { useBridge } from '../../app/bridge-context.js';
import { useAppStore } from '../../store/index.js';

/** What the last save did. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** A setting's name. */
export type SettingName = keyof AppSettings;

/** The saver. */
export interface SettingsSaver {
  readonly status: SaveStatus;
  /** The host's refusal of each setting's last change. */
  readonly errors: Partial<Record<SettingName, ErrorInfo>>;
  /** Saves `value` as setting `name`. */
  readonly save: <K extends SettingName>(name: K, value: AppSettings[K]) => Promise<void>;
  /** What to show for setting `name`: the change on its way, else the stored value. */
  readonly shown: <K extends SettingName>(settings: AppSettings, name: K) => AppSettings[K];
}

/** The saver of the settings screen. */
export function useSaveSettings(): SettingsSaver {
  const { api } = useBridge();
  const setSettings = useAppStore((state) => state.setSettings);
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [errors, setErrors] = useState<Partial<Record<SettingName, ErrorInfo>>>({});
  const [pending, setPending] = useState<Partial<AppSettings>>({});
  // Saves may overlap (a toggle right after a number); only the latest one's outcome is reported.
  const latest = useRef(0);

  const save = useCallback(
    async <K extends SettingName>(name: K, value: AppSettings[K]) => {
      const mine = ++latest.current;
      setStatus('saving');
      setPending((previous) => ({ ...previous, [name]: value }));
      const patch: SettingsPatch = { [name]: value };
      const answer = await api.invoke('settings:set', patch);
      if (answer.ok) setSettings(answer.value);
      setPending((previous) => {
        // A newer change of the same setting keeps showing until its own answer.
        if (previous[name] !== value) return previous;
        const next = { ...previous };
        delete next[name];
        return next;
      });
      setErrors((previous) => {
        const next = { ...previous };
        if (answer.ok) delete next[name];
        else next[name] = answer.error;
        return next;
      });
      if (mine === latest.current) setStatus(answer.ok ? 'saved' : 'failed');
    },
    [api, setSettings],
  );

  const shown = useCallback(
    <K extends SettingName>(settings: AppSettings, name: K): AppSettings[K] => (name in pending ? (pending[name] as AppSettings[K]) : settings[name]),
    [pending],
  );

  return { status, errors, save, shown };
}
