/**
 * Main's copy of the user's settings, for what main does by itself (notifications, copying links, the
 * global shortcut). Read once at start; afterwards every successful `settings:get` / `settings:set` reply
 * that passes through main's IPC gate (ipc/handle.ts `onReply`) updates it, so a change made in the window
 * takes effect at once.
 */
import type { InvokeChannel, InvokeResult } from '../shared/ipc/channels.js';
import { DEFAULT_SETTINGS, type AppSettings } from '../shared/ipc/settings.js';
import type { ServicesPort } from './services-port.js';

/** See the module comment. */
export class SettingsCache {
  #current: AppSettings = DEFAULT_SETTINGS;
  readonly #listeners = new Set<(settings: AppSettings, previous: AppSettings) => void>();

  /** Reads the settings through the services (the defaults stay when that fails). */
  async load(services: Pick<ServicesPort, 'invoke'>): Promise<AppSettings> {
    const reply = await services.invoke('settings:get', []);
    if (reply.ok) this.#set(reply.value);
    return this.#current;
  }

  /** The settings now. */
  current(): AppSettings {
    return this.#current;
  }

  /** Called with the new and the previous settings after each change. */
  onChange(listener: (settings: AppSettings, previous: AppSettings) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Takes note of a reply that passed through main (only settings replies matter). */
  observe(channel: InvokeChannel, result: InvokeResult<InvokeChannel>): void {
    if ((channel === 'settings:get' || channel === 'settings:set') && result.ok) this.#set(result.value as AppSettings);
  }

  #set(next: AppSettings): void {
    const previous = this.#current;
    this.#current = next;
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    for (const listener of [...this.#listeners]) listener(next, previous);
  }
}
