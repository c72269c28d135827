/**
 * One contract call from the page: arguments checked against the contract's schemas (the services check
 * them again), `transfers:enqueue`'s spool references turned into the spooled files' paths, then the
 * services. Always answers a Result; never throws.
 */
import { toErrorInfo } from '../../shared/errors.js';
import type { InvokeChannel, Result } from '../../shared/ipc/channels.js';
import { parseArgs } from '../../shared/ipc/parse-args.js';
import type { ContractServices } from '../contract-services.js';
import { resolveSpoolRefs } from '../spool/spool-refs.js';
import type { SpoolStore } from '../spool/spool-store.js';

/** What a call needs. */
export interface CallDeps {
  readonly services: ContractServices;
  readonly spool: SpoolStore;
}

async function enqueueSpooled(raw: readonly unknown[], deps: CallDeps): Promise<Result<unknown>> {
  const parsed = parseArgs('transfers:enqueue', raw);
  if (!parsed.ok) return parsed;
  const resolved = await resolveSpoolRefs(parsed.value[0], deps.spool);
  if (!resolved.ok) return resolved;
  const result = await deps.services.invoke('transfers:enqueue', [resolved.value]);
  // Spooled files the engine did not take would otherwise wait in the spool until the host stops.
  if (!result.ok) await Promise.all(resolved.value.paths.map((entry) => deps.spool.discard(entry)));
  else await Promise.all(result.value.problems.map((problem) => deps.spool.discard(problem.path)));
  return result;
}

/** Runs `channel` with the raw `args` the page sent. */
export async function runCall(channel: InvokeChannel, args: readonly unknown[], deps: CallDeps): Promise<Result<unknown>> {
  try {
    if (channel === 'transfers:enqueue') return await enqueueSpooled(args, deps);
    const parsed = parseArgs(channel, args);
    return parsed.ok ? await deps.services.invoke(channel, parsed.value) : parsed;
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
