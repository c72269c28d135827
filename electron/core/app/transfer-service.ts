/**
 * The `transfers:*` channels: enqueue files to a profile's bucket, and the queue controls. The renderer
 * names a profile (or none, for the default) and perhaps a prefix, key template and existing-object
 * policy; everything else about the destination comes from the profile, here in main.
 */
import path from 'node:path';
import { DropsignError } from '../../shared/errors.js';
import type { EnqueueOutcome, EnqueueRequest } from '../../shared/ipc/transfer-requests.js';
import type { TransferId } from '../../shared/transfer.js';
import { endpointUrl } from '../profiles/profile-endpoint.js';
import { resolveProfile, type ResolvedProfile } from '../profiles/resolve-profile.js';
import type { CredentialsProvider, Destination, DestinationDescriptor, TransferEngine } from '../transfer/engine/index.js';
import type { AppContext } from './app-context.js';
import type { EngineHost } from './engine-host.js';

/** The key template when neither the request nor the profile has one: the file's path under the dropped folder. */
export const DEFAULT_KEY_TEMPLATE = '{path}';

/** Where `request`'s files go with `resolved`: the profile's destination, the request's choices on top. */
export function destinationFor(resolved: ResolvedProfile, request: Omit<EnqueueRequest, 'paths'>): Destination {
  const { profile } = resolved;
  return {
    scheme: profile.scheme,
    endpoint: endpointUrl(profile),
    style: profile.style,
    bucket: profile.bucket,
    region: profile.region,
    prefix: request.prefix ?? profile.keyPrefix,
    keyTemplate: request.keyTemplate ?? profile.keyTemplate ?? DEFAULT_KEY_TEMPLATE,
    ifExists: request.ifExists ?? 'overwrite',
    link: profile.publicUrlTemplate === undefined ? { kind: 'presigned', expiresInSeconds: profile.linkExpirySeconds } : { kind: 'public', urlTemplate: profile.publicUrlTemplate },
    profile: profile.name,
    credentials: () => resolved.credentials(),
  };
}

/**
 * Credentials for a destination restored from the saved queue: its profile's, read again from the
 * store at each call (so a rotated secret is used). None for a destination without a profile.
 */
export function credentialsForDescriptor(context: AppContext): (descriptor: DestinationDescriptor) => CredentialsProvider | undefined {
  return (descriptor) => {
    const name = descriptor.profile;
    if (name === undefined) return undefined;
    return async () => (await resolveProfile(name, context)).credentials();
  };
}

/**
 * `transfers:enqueue`. Paths must be absolute (a relative one would depend on main's working directory).
 * The profile's credentials are read once first, so a missing secret or a locked keychain is one clear
 * error instead of one failure per file.
 */
export async function enqueue(context: AppContext, host: EngineHost, request: EnqueueRequest): Promise<EnqueueOutcome> {
  const relative = request.paths.findIndex((p) => !path.isAbsolute(p));
  if (relative >= 0) {
    throw new DropsignError('invalid-argument', `paths[${relative}] is not an absolute path.`, 'Drop files from the file manager, or choose them in the file dialog.', {
      field: `paths[${relative}]`,
    });
  }
  const resolved = await resolveProfile(request.profile, context);
  await resolved.credentials();
  const destination = destinationFor(resolved, request);
  const result = await host.use((engine) => engine.enqueue(request.paths, destination));
  return { profile: resolved.profile.name, ids: result.ids, problems: result.problems, alreadyQueued: result.alreadyQueued };
}

/** The queue controls: each acts on one transfer, or on all when `id` is absent. */
export type TransferControl = 'pause' | 'resume' | 'cancel' | 'retry' | 'remove';

/** Runs a queue control. Unknown ids are ignored (the transfer may have just been removed). */
export async function control(host: EngineHost, action: TransferControl, id: TransferId | undefined): Promise<null> {
  await host.use((engine: TransferEngine) => {
    if (action !== 'remove') engine[action](id);
    else if (id !== undefined) engine.remove(id);
    else for (const transfer of engine.snapshot().transfers) engine.remove(transfer.id);
  });
  return null;
}

/** `transfers:clear-finished`. */
export async function clearFinished(host: EngineHost): Promise<null> {
  await host.use((engine) => engine.clearFinished());
  return null;
}
