/**
 * What the app services are built from. Main and the web host pass the first three (and `passphrase`
 * when they can ask the user); every other edge has a production default and is injectable for tests.
 */
import type { AppFace } from '../../shared/ipc/app-types.js';
import type { LinkRegister } from '../links/link-register.js';
import type { SecretStoreFor } from '../profiles/profile-credentials.js';
import type { ProbeOptions } from '../profiles/profile-probe.js';
import type { PassphraseSource } from '../secrets/encrypted-file-secret-store.js';
import type { EngineClock, EngineDeps, EngineSettings, TransferEngine } from '../transfer/engine/index.js';
import type { AgentProvider, StoreProvider } from '../transfer/http/index.js';
import type { ObjectApi } from '../transfer/object-api.js';
import type { LocalBucketChoice } from './local-bucket-runner.js';

/** See the module comment. */
export interface AppServicesOptions {
  /** The app data directory (core/app-paths.ts `appDataDir()`, or Electron's `userData`: the same folder). */
  readonly appDataDir: string;
  /** Which host this is, for `app:info`. */
  readonly face: AppFace;
  /** The app's version, for `app:info`. */
  readonly version: string;
  /** Proxy variables and importer sources. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where other tools keep their settings (import). Default: the OS's home directory. */
  readonly home?: string;
  /** For `app:info`. Default `process.platform`. */
  readonly platform?: string;
  /** Wall time for signing, links, probes and the local bucket. Default `Date.now`. For testing. */
  readonly now?: () => number;
  /** The transfer engine's timers. Default: the real ones. For testing. */
  readonly engineClock?: EngineClock;
  /** The secret store of each kind. Default: the OS keychain (keytar) and the encrypted file. For testing. */
  readonly secretStores?: SecretStoreFor;
  /** Asks the user for the encrypted file's passphrase. Default: `DROPSIGN_SECRETS_PASSPHRASE`, else a typed error. */
  readonly passphrase?: PassphraseSource;
  /** The embedded local bucket: `false` to not run it, or a port (0: any free one). Default: its usual port. */
  readonly localBucket?: LocalBucketChoice;
  /** Makes the HTTP object API of each store dialect. Default: `createHttpObjectApi`. For testing. */
  readonly objectApiFor?: (provider: StoreProvider, agents: AgentProvider) => ObjectApi;
  /** Makes the transfer engine. Default: `createTransferEngine`. For testing. */
  readonly createEngine?: (deps: EngineDeps) => Promise<TransferEngine>;
  /** Engine tunables that are not user settings (retry limits, parts at once). For testing and benchmarks. */
  readonly engineTuning?: Pick<EngineSettings, 'retry' | 'partConcurrency' | 'requestUrlExpiresInSeconds'>;
  /** How profile probes send their request, and how long they wait. For testing. */
  readonly probe?: Pick<ProbeOptions, 'send' | 'timeoutMs'>;
  /** The register of issued links. Default: `links.json` in the app data directory. For testing. */
  readonly linkRegister?: LinkRegister;
  /**
   * Saves the clipboard's image as a PNG and answers its path (undefined when the clipboard holds no image),
   * for `clipboard:save-image`. The desktop shell gives it; without it the channel says only the desktop app
   * reads the clipboard.
   */
  readonly clipboardImage?: () => Promise<string | undefined>;
  /** Diagnostics that reach no user (a listener that threw, an old secret that could not be deleted). Default: nowhere. */
  readonly log?: (line: string) => void;
}
