/**
 * `profiles:import-preview` and `profiles:import-apply`: the credentials users already have (ossutil, the
 * aliyun CLI, the AWS files, the environment), shown without their secrets, and stored as profiles only
 * for the names the user picked. Apply scans again instead of trusting anything the renderer sends back,
 * so a secret never crosses the contract in either direction.
 */
import type { ImportApplyRequest, ImportApplyResult, ImportCandidateView, ImportPreview, ImportPreviewRequest } from '../../shared/ipc/profile-types.js';
import { toErrorInfo } from '../../shared/errors.js';
import type { ImportCandidate } from '../profiles/import/import-candidate.js';
import { IMPORT_SOURCES } from '../profiles/import/import-candidate.js';
import { scanForImports } from '../profiles/import/scan-imports.js';
import { writeProfileSecret } from '../profiles/profile-credentials.js';
import { importedProfile, type ImportedProfile } from '../profiles/import/import-profile.js';
import { requireAvailable } from '../secrets/secret-store.js';
import type { AppContext } from './app-context.js';
import { fieldsOf } from './profile-views.js';

/** What becomes of one candidate. */
type Plan = ImportedProfile;

function plan(candidate: ImportCandidate, request: ImportPreviewRequest, taken: ReadonlySet<string>): Plan {
  try {
    return importedProfile(candidate, { bucket: request.bucket, region: request.region, secretStore: request.secretStore ?? 'keychain' }, taken);
  } catch (error) {
    return { kind: 'skip', reason: `cannot be imported: ${toErrorInfo(error).message}` };
  }
}

/** Scans and plans every candidate. */
async function scan(context: AppContext, request: ImportPreviewRequest): Promise<{ preview: ImportPreview; plans: ReadonlyMap<string, { candidate: ImportCandidate; plan: Plan }> }> {
  const found = await scanForImports({ sources: request.from === undefined ? IMPORT_SOURCES : [request.from], home: context.home, env: context.env });
  const taken = new Set((await context.store.read()).profiles.map((profile) => profile.name));
  const plans = new Map<string, { candidate: ImportCandidate; plan: Plan }>();
  const candidates: ImportCandidateView[] = [];
  for (const candidate of found.candidates) {
    // Two sources suggesting one name: the first wins (the order sources are searched in), the next is skipped.
    const planned = plans.has(candidate.suggestedName) ? { kind: 'skip' as const, reason: 'another source found first has this name' } : plan(candidate, request, taken);
    if (!plans.has(candidate.suggestedName)) plans.set(candidate.suggestedName, { candidate, plan: planned });
    candidates.push({
      name: candidate.suggestedName,
      source: candidate.source,
      origin: candidate.origin,
      provider: candidate.provider,
      ...(candidate.accessKeyId === undefined ? {} : { accessKeyId: candidate.accessKeyId }),
      hasSessionToken: candidate.hasSessionToken,
      plan: planned.kind === 'ready' ? { kind: 'ready', profile: fieldsOf(planned.profile) } : planned,
    });
  }
  return { preview: { candidates, problems: found.problems }, plans };
}

/** `profiles:import-preview`: what would be imported. Nothing is stored, no secret is shown. */
export async function previewImport(context: AppContext, request: ImportPreviewRequest = {}): Promise<ImportPreview> {
  return (await scan(context, request)).preview;
}

/** `profiles:import-apply`: stores the named `ready` candidates, their secrets in the chosen store. */
export async function applyImport(context: AppContext, request: ImportApplyRequest): Promise<ImportApplyResult> {
  const { plans } = await scan(context, request);
  await requireAvailable(context.secretStores(request.secretStore ?? 'keychain'));
  const imported: { name: string; becameDefault: boolean }[] = [];
  const skipped: { name: string; reason: string }[] = [];
  let tokens = false;
  for (const name of new Set(request.names)) {
    const entry = plans.get(name);
    if (entry === undefined) {
      skipped.push({ name, reason: 'no longer found' });
      continue;
    }
    const secret = entry.candidate.secret();
    if (entry.plan.kind === 'skip' || secret === undefined) {
      skipped.push({ name, reason: entry.plan.kind === 'skip' ? entry.plan.reason : 'no secret found' });
      continue;
    }
    await writeProfileSecret(entry.plan.profile, secret, context.secretStores);
    const { becameDefault } = await context.store.save(entry.plan.profile, { replace: false });
    imported.push({ name, becameDefault });
    tokens ||= entry.candidate.hasSessionToken;
  }
  const warnings = tokens
    ? ['STS tokens were imported without their expiry (the sources do not record it), so Dropsign cannot warn when links would outlive them; add the expiry to those profiles.']
    : [];
  return { imported, skipped, warnings };
}
