/**
 * The `unfinished:*` channels: the multipart uploads begun in a profile's bucket and never completed or
 * aborted, found and aborted by core/unfinished (the code `dropsign unfinished` runs) over the app's
 * proxy-aware connections, with the profile's credentials read from its secret store at each call.
 *
 * An upload a queue on this machine will resume (its checkpoint is in the app data directory) is marked
 * in the listing and never aborted: the page does not offer it, and a request naming one anyway is
 * refused whole, before anything is deleted.
 *
 * Asked `withSizes`, the listing also says what each upload holds (ListParts, a few at a time), unless it
 * lists more than MAX_SIZED_UPLOADS (see there why) or the server refuses a ListParts: then it comes
 * without sizes and says why (`sizesMissing`).
 */
import { DropsignError } from '../../shared/errors.js';
import {
  MAX_SIZED_UPLOADS,
  type UnfinishedAbortRequest,
  type UnfinishedAbortResult,
  type UnfinishedListing,
  type UnfinishedListRequest,
  type UnfinishedUploadRef,
} from '../../shared/ipc/unfinished-types.js';
import { endpointUrl } from '../profiles/profile-endpoint.js';
import { resolveProfile } from '../profiles/resolve-profile.js';
import type { AgentProvider } from '../transfer/http/index.js';
import { locallyResumableUploadIds } from '../unfinished/local-checkpoints.js';
import { abortUnfinishedUploads } from '../unfinished/abort-uploads.js';
import type { UnfinishedTarget } from '../unfinished/unfinished-types.js';
import { listUnfinishedUploads, sizeUploads, type UnfinishedOptions } from '../unfinished/unfinished-uploads.js';
import type { AppContext } from './app-context.js';


/** What the channels use beyond the app context. */
export interface UnfinishedDeps {
  readonly context: AppContext;
  /** The app's connections (proxy-aware, TLS verified). */
  readonly agents: AgentProvider;
}

/** The profile's bucket as core/unfinished addresses it, with its credentials read now. */
async function targetFor(context: AppContext, name: string): Promise<{ readonly profile: string; readonly target: UnfinishedTarget }> {
  const resolved = await resolveProfile(name, context);
  const { profile } = resolved;
  // The token's expiry only matters to links; requests are signed just before they are sent.
  const { securityTokenExpiresAt: _expiry, ...credentials } = await resolved.credentials();
  return {
    profile: profile.name,
    target: { scheme: profile.scheme, endpoint: endpointUrl(profile), style: profile.style, bucket: profile.bucket, region: profile.region, credentials },
  };
}

function optionsOf(deps: UnfinishedDeps): UnfinishedOptions {
  return { agents: deps.agents, now: deps.context.now };
}

/** `unfinished:list`: see the module comment. */
export async function listUnfinished(deps: UnfinishedDeps, request: UnfinishedListRequest): Promise<UnfinishedListing> {
  const { profile, target } = await targetFor(deps.context, request.profile);
  const options = optionsOf(deps);
  const listing = await listUnfinishedUploads(target, request.prefix ?? '', options);
  const resumable = await locallyResumableUploadIds(deps.context.appDataDir);
  const uploads = listing.uploads.map((upload) => ({ key: upload.key, uploadId: upload.uploadId, initiatedAt: upload.initiatedAt, resumableHere: resumable.has(upload.uploadId) }));
  const found = { profile, bucket: target.bucket, complete: listing.complete };
  if (request.withSizes !== true) return { ...found, uploads };
  if (uploads.length > MAX_SIZED_UPLOADS) return { ...found, uploads, sizesMissing: { reason: 'too-many' } };
  const sizing = await sizeUploads(target, uploads, options);
  return sizing.kind === 'sized' ? { ...found, uploads: sizing.uploads } : { ...found, uploads, sizesMissing: { reason: 'refused', error: sizing.error.toInfo() } };
}

/** Refuses the request when it names an upload a local queue will resume (see the module comment). */
async function refuseResumable(appDataDir: string, uploads: readonly UnfinishedUploadRef[]): Promise<void> {
  const resumable = await locallyResumableUploadIds(appDataDir);
  const index = uploads.findIndex((upload) => resumable.has(upload.uploadId));
  const upload = uploads[index];
  if (upload === undefined) return;
  throw new DropsignError(
    'invalid-argument',
    `The upload of ${JSON.stringify(upload.key)} will be resumed by a queue on this machine, so nothing was aborted.`,
    'Cancel it on the Upload screen (or let dropsign upload finish it); then abort the others.',
    { field: `uploads[${index}]`, reason: 'resumable-here' },
  );
}

/**
 * `unfinished:abort`: each named upload with its outcome (core/unfinished/abort-uploads.ts: a repeating
 * refusal stops the run, the rest being `skipped`).
 */
export async function abortUnfinished(deps: UnfinishedDeps, request: UnfinishedAbortRequest): Promise<UnfinishedAbortResult> {
  await refuseResumable(deps.context.appDataDir, request.uploads);
  const { target } = await targetFor(deps.context, request.profile);
  const uploads = request.uploads.map((upload) => ({ key: upload.key, uploadId: upload.uploadId }));
  return abortUnfinishedUploads(target, uploads, optionsOf(deps));
}
