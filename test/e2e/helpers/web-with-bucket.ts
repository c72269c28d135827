/**
 * A running `dropsign web` with the test's own contract socket and its embedded local bucket's address and
 * keys: what specs that sign requests to the app's bucket start with.
 */
import { openSocket, type TestSocket } from '../../integration/web-host/socket-client.js';
import { startDropsignWeb, type DropsignWeb } from './dropsign-web.js';
import { localBucketOf, type LocalBucket } from './local-bucket-keys.js';

/** The host, its socket and its bucket; `stop()` closes the socket and the host, resolving the host's exit code. */
export interface WebWithBucket {
  readonly host: DropsignWeb;
  readonly control: TestSocket;
  readonly local: LocalBucket;
  stop(): Promise<number | null>;
}

/** Starts `dropsign web` and reads its bucket (see the module comment). */
export async function startWebWithLocalBucket(): Promise<WebWithBucket> {
  const host = await startDropsignWeb();
  const control = await openSocket(host.origin, host.token);
  const local = await localBucketOf(host, control);
  return {
    host,
    control,
    local,
    stop: async () => {
      await control.close();
      return host.stop();
    },
  };
}
