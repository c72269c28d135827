/**
 * `transfers:enqueue` in browser mode. The page cannot name files on the host, and must not: every path
 * it sends must be a `spool:<id>` reference from `POST /spool`, and the host replaces the references with
 * the spooled files' real paths before the request reaches the services. Anything else (an absolute path,
 * `~/.ssh`, a folder) is refused, so a page can only upload what it sent.
 */
import type { ErrorInfo } from '../../shared/errors.js';
import type { Result } from '../../shared/ipc/channels.js';
import type { EnqueueRequest } from '../../shared/ipc/transfer-requests.js';
import { SPOOL_REF_PREFIX } from '../web-protocol.js';
import type { SpoolStore } from './spool-store.js';

function notSpooled(index: number): ErrorInfo {
  return {
    code: 'invalid-argument',
    message: `In browser mode only dropped files can be queued: paths[${index}] is not one.`,
    hint: 'Drop the files on the Dropsign page (or choose them with its file picker).',
    details: { field: `paths[${index}]` },
  };
}

/** `request` with its spool references replaced by the spooled files' paths (each reference is used up). */
export async function resolveSpoolRefs(request: EnqueueRequest, spool: SpoolStore): Promise<Result<EnqueueRequest>> {
  const ids: string[] = [];
  for (const [index, ref] of request.paths.entries()) {
    if (!ref.startsWith(SPOOL_REF_PREFIX)) return { ok: false, error: notSpooled(index) };
    ids.push(ref.slice(SPOOL_REF_PREFIX.length));
  }
  const paths = await spool.take(ids);
  return paths.ok ? { ok: true, value: { ...request, paths: paths.value } } : paths;
}
