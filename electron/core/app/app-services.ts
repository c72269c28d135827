/**
 * The app services: everything the desktop app (Electron main) and browser mode (the web host) serve
 * through the contract (electron/shared/ipc), in plain Node. A host only checks who is asking, passes
 * `invoke` the channel and the arguments it received, forwards `on` events, and calls `close` at exit.
 *
 * Wiring (app data directory `D`):
 * - settings: `D/settings.json` (core/settings); profiles: `D/profiles.json`, secrets in the keychain;
 * - the register of issued links: `D/links.json` (core/links/issued-link-register.ts);
 * - the embedded local bucket in `D/local-bucket`, started here; the built-in `local` profile uses the
 *   port it actually got;
 * - the transfer engine over `D/transfers` (queue, checkpoints, `history.jsonl`), with one HTTP object API
 *   per store dialect sharing one proxy-aware pool of keep-alive connections; a restored transfer gets
 *   its profile's credentials again by the profile's name.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { toErrorInfo, type ErrorInfo } from '../../shared/errors.js';
import type { AppInfo, Notice } from '../../shared/ipc/app-types.js';
import { isInvokeChannel, type EventChannel, type EventMap, type InvokeArgs, type InvokeChannel, type InvokeResult, type InvokeValue } from '../../shared/ipc/channels.js';
import { parseArgs } from '../../shared/ipc/parse-args.js';
import type { AppSettings } from '../../shared/ipc/settings.js';
import type { TransferSnapshot } from '../../shared/transfer.js';
import { IssuedLinkRegister } from '../links/issued-link-register.js';
import { createProxyAgentProvider } from '../net/proxy.js';
import { LOCAL_PROFILE_NAME } from '../profiles/profile-schema.js';
import { ProfileStore } from '../profiles/profile-store.js';
import { SettingsStore } from '../settings/settings-store.js';
import { createTransferEngine, type EngineSettings } from '../transfer/engine/index.js';
import { createAgentPool, createHttpObjectApi } from '../transfer/http/index.js';
import type { AppContext } from './app-context.js';
import type { AppServicesOptions } from './app-options.js';
import { EngineHost } from './engine-host.js';
import { EventHub } from './event-hub.js';
import { createHandlers, type Handlers } from './handlers.js';
import { runLocalBucket } from './local-bucket-runner.js';
import { createRoutedObjectApi } from './object-api-router.js';
import { redactErrorInfo } from './redact.js';
import { defaultSecretStores } from './secret-stores.js';
import { credentialsForDescriptor } from './transfer-service.js';

/** The services a host serves. */
export interface AppServices {
  /**
   * Runs one contract call: checks the channel and the raw arguments (hosts check them too), runs the
   * handler, and answers a Result; never throws, and no error carries a stack or a secret.
   */
  invoke<C extends InvokeChannel>(channel: C, args: unknown): Promise<InvokeResult<C>>;
  /** Listens to an event channel; returns the function that stops listening. */
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void;
  /** The queue now (what `transfers:snapshot` answers), for a window that (re)loads. */
  snapshot(): TransferSnapshot;
  /** Stops the engine (its state stays resumable on disk), closes connections and the local bucket. */
  close(): Promise<void>;
}

/** The transfer part of the user's settings, with the host's tuning. */
function engineSettingsOf(settings: AppSettings, tuning: AppServicesOptions['engineTuning']): EngineSettings {
  return { ...tuning, concurrency: settings.concurrency, multipartThreshold: settings.multipartThreshold, partSize: settings.partSize };
}

/** Which argument values of `channel` are secrets (scrubbed from any error it answers). */
function secretsIn(channel: InvokeChannel, args: readonly unknown[]): string[] {
  if (channel !== 'profiles:save') return [];
  const [request] = args as InvokeArgs<'profiles:save'>;
  const secret = request.secret;
  return secret === undefined ? [] : [secret.accessKeySecret, ...(secret.securityToken === undefined ? [] : [secret.securityToken])];
}

const CLOSED: ErrorInfo = { code: 'internal', message: 'Dropsign is shutting down.', hint: 'Try again once it has started again.' };

/** Why 50: a window that opens late sees what it missed at start, without the list growing for ever. */
const KEPT_NOTICES = 50;

/** Builds the services: starts the local bucket, restores the transfer queue (which resumes). */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { appDataDir } = options;
  const log = options.log ?? ((): void => undefined);
  const env = options.env ?? process.env;
  const now = options.now ?? Date.now;
  const notices: Notice[] = [];
  const hub = new EventHub((error) => log(`An event listener failed: ${error instanceof Error ? error.message : String(error)}`));
  const notify = (notice: Notice): void => {
    notices.push(notice);
    if (notices.length > KEPT_NOTICES) notices.shift();
    hub.emit('app:notice', notice);
  };
  const noticeOf = (error: ErrorInfo): Notice => ({ level: 'warning', code: error.code, message: error.message, hint: error.hint });

  const { runner: localBucket, notice: bucketNotice } = await runLocalBucket(appDataDir, options.localBucket ?? {}, options.now);
  if (bucketNotice !== undefined) notify(bucketNotice);
  const settings = SettingsStore.inAppData(appDataDir, { onNotice: (error) => notify(noticeOf(error)), now });
  const context: AppContext = {
    appDataDir,
    store: ProfileStore.inAppData(appDataDir, { onNotice: (error) => notify(noticeOf(error)), now }),
    secretStores: options.secretStores ?? defaultSecretStores({ appDataDir, env, ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }) }),
    localEndpoint: () => localBucket.endpoint(),
    env,
    home: options.home ?? homedir(),
    now,
    settings,
    notify,
    log,
    probe: options.probe ?? {},
  };

  const agents = createProxyAgentProvider({ env, direct: createAgentPool() });
  const apiFor = options.objectApiFor ?? ((provider, pool) => createHttpObjectApi({ provider, agents: pool }));
  const objectApi = createRoutedObjectApi({ oss: apiFor('oss', agents), s3: apiFor('s3', agents) });
  const stateDir = path.join(appDataDir, 'transfers');
  const createEngine = options.createEngine ?? createTransferEngine;
  let host: EngineHost;
  try {
    host = await EngineHost.start({
      settings: engineSettingsOf(await settings.read(), options.engineTuning),
      create: (engineSettings) =>
        createEngine({
          objectApi,
          stateDir,
          settings: engineSettings,
          credentialsFor: credentialsForDescriptor(context),
          log,
          ...(options.engineClock === undefined ? {} : { clock: options.engineClock }),
        }),
      onProgress: (batch) => hub.emit('transfers:progress', batch),
      onEvents: (events) => hub.emit('transfers:events', events),
      onProblems: (problems) => problems.forEach((problem) => notify(noticeOf(problem))),
    });
  } catch (error) {
    objectApi.close();
    agents.destroy();
    await localBucket.close();
    throw error;
  }

  const info = async (): Promise<AppInfo> => ({
    name: 'Dropsign',
    version: options.version,
    platform: options.platform ?? process.platform,
    face: options.face,
    dataDir: appDataDir,
    keychain: await context.secretStores('keychain').status(),
    localBucket: localBucket.status,
    defaultProfile: (await context.store.read()).defaultProfile ?? LOCAL_PROFILE_NAME,
    notices: [...notices],
  });
  const handlers: Handlers = createHandlers({
    context,
    host,
    stateDir,
    linkRegister: options.linkRegister ?? IssuedLinkRegister.inAppData(appDataDir, { onNotice: (error) => notify(noticeOf(error)), now }),
    agents,
    info,
    onSettings: (next) => host.reconfigure(engineSettingsOf(next, options.engineTuning)),
    clipboardImage: options.clipboardImage,
  });

  let closed: Promise<void> | undefined;
  return {
    async invoke<C extends InvokeChannel>(channel: C, args: unknown): Promise<InvokeResult<C>> {
      if (closed !== undefined) return { ok: false, error: CLOSED };
      if (!isInvokeChannel(channel)) return parseArgs(channel, args) as InvokeResult<C>;
      const parsed = parseArgs(channel, args);
      if (!parsed.ok) return parsed;
      try {
        // One handler per channel (Handlers' mapped type); TypeScript cannot follow `C` through the lookup.
        const handler = handlers[channel] as (...values: InvokeArgs<C>) => Promise<InvokeValue<C>>;
        return { ok: true, value: await handler(...parsed.value) };
      } catch (error) {
        return { ok: false, error: redactErrorInfo(toErrorInfo(error), secretsIn(channel, parsed.value)) };
      }
    },
    on: (event, listener) => hub.on(event, listener),
    snapshot: () => host.snapshot(),
    close() {
      closed ??= (async () => {
        await host.close();
        objectApi.close();
        agents.destroy();
        await localBucket.close();
      })();
      return closed;
    },
  };
}
