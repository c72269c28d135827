/**
 * One handler per invoke channel, each taking the channel's parsed arguments and returning the value of
 * its reply (errors are thrown and turned into Results by the caller). The mapped type makes a missing
 * or mistyped handler a compile error.
 */
import type { InvokeArgs, InvokeChannel, InvokeValue } from '../../shared/ipc/channels.js';
import type { AppInfo } from '../../shared/ipc/app-types.js';
import type { AppSettings } from '../../shared/ipc/settings.js';
import type { LinkRegister } from '../links/link-register.js';
import type { AgentProvider } from '../transfer/http/index.js';
import type { AppContext } from './app-context.js';
import { saveClipboardImage } from './clipboard-service.js';
import type { EngineHost } from './engine-host.js';
import { queryHistory } from './history-query.js';
import { createLinkFor, dropPageFor, exportLinksCsv, forgetLink, inspectLinkFor, linkLimitsFor, listLinks } from './link-service.js';
import { applyImport, previewImport } from './profile-import.js';
import { getProfile, listProfiles, removeProfile, saveProfile, setDefaultProfile, testProfile } from './profile-service.js';
import { clearFinished, control, enqueue } from './transfer-service.js';
import { abortUnfinished, listUnfinished } from './unfinished-service.js';

/** A handler for every channel. */
export type Handlers = { readonly [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeValue<C>> };

/** What the handlers use. */
export interface HandlerDeps {
  readonly context: AppContext;
  readonly host: EngineHost;
  /** The engine's state directory (where the history is). */
  readonly stateDir: string;
  readonly linkRegister: LinkRegister;
  /** The app's proxy-aware connections, for the requests the handlers make themselves (unfinished uploads). */
  readonly agents: AgentProvider;
  readonly info: () => Promise<AppInfo>;
  /** Told of saved settings, to pass the transfer ones to the engine. */
  readonly onSettings: (settings: AppSettings) => void;
  /** Saves the clipboard's image (the desktop shell's; absent elsewhere). */
  readonly clipboardImage?: (() => Promise<string | undefined>) | undefined;
}

/** Builds the handlers. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { context, host } = deps;
  return {
    'app:info': () => deps.info(),
    'transfers:enqueue': (request) => enqueue(context, host, request),
    'transfers:pause': (id) => control(host, 'pause', id),
    'transfers:resume': (id) => control(host, 'resume', id),
    'transfers:cancel': (id) => control(host, 'cancel', id),
    'transfers:retry': (id) => control(host, 'retry', id),
    'transfers:remove': (id) => control(host, 'remove', id),
    'transfers:clear-finished': () => clearFinished(host),
    'transfers:snapshot': () => Promise.resolve(host.snapshot()),
    'clipboard:save-image': () => saveClipboardImage(deps.clipboardImage),
    'profiles:list': () => listProfiles(context),
    'profiles:get': (name) => getProfile(context, name),
    'profiles:save': (request) => saveProfile(context, request),
    'profiles:remove': (name) => removeProfile(context, name),
    'profiles:set-default': (name) => setDefaultProfile(context, name),
    'profiles:test': (name) => testProfile(context, name),
    'profiles:import-preview': (request) => previewImport(context, request),
    'profiles:import-apply': (request) => applyImport(context, request),
    'links:create': (request) => createLinkFor(context, deps.linkRegister, request),
    'links:limits': (profile) => linkLimitsFor(context, profile),
    'links:list': () => listLinks(deps.linkRegister),
    'links:forget': (id) => forgetLink(deps.linkRegister, id),
    'links:export-csv': () => exportLinksCsv(context, deps.linkRegister),
    'links:drop-page': (id, language) => dropPageFor(context, deps.linkRegister, id, language),
    'links:inspect': (url, serverAnswer) => inspectLinkFor(context, deps.linkRegister, url, serverAnswer),
    'history:list': (query) => queryHistory(deps.stateDir, query),
    'settings:get': () => context.settings.read(),
    'settings:set': async (patch) => {
      const settings = await context.settings.update(patch);
      deps.onSettings(settings);
      return settings;
    },
    'unfinished:list': (request) => listUnfinished({ context, agents: deps.agents }, request),
    'unfinished:abort': (request) => abortUnfinished({ context, agents: deps.agents }, request),
  };
}
