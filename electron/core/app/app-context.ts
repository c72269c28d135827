/**
 * What the app's services share: the profile context (app data directory, profile store, secret stores,
 * the local bucket's running endpoint), the settings, the environment and the clock, and where notices go.
 */
import type { Notice } from '../../shared/ipc/app-types.js';
import type { ProxyEnv } from '../net/proxy-route.js';
import type { ProbeOptions } from '../profiles/profile-probe.js';
import type { ProfileContext } from '../profiles/resolve-profile.js';
import type { SettingsStore } from '../settings/settings-store.js';

/** See the module comment. */
export interface AppContext extends ProfileContext {
  /** Proxy variables, and where importers look for credentials (`OSS_ACCESS_KEY_ID`...). */
  readonly env: ProxyEnv;
  /** The user's home directory (where other tools keep their settings). */
  readonly home: string;
  /** Wall time for signing, links and probes (ms since the epoch). */
  readonly now: () => number;
  readonly settings: SettingsStore;
  /** Tells the user something no request asked for (a toast). */
  readonly notify: (notice: Notice) => void;
  /** Diagnostics that reach no user. */
  readonly log: (line: string) => void;
  /** For testing: how probes send their request, and how long they wait. */
  readonly probe: Pick<ProbeOptions, 'send' | 'timeoutMs'>;
}
