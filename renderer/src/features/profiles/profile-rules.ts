/**
 * Checks the whole profile form as the host will (the contract's schemas in electron/shared/ipc/schemas.ts
 * and the profile rules of electron/core/profiles/profile-validate.ts): each field's shape and bounds,
 * and the combinations of provider, endpoint and addressing style. Answers one problem per field.
 */
import { SETTINGS_LIMITS } from '../../../../electron/shared/ipc/settings.js';
import { problem, type FieldProblem } from './field-problem.js';
import { keyPrefixProblem, keyTemplateProblem } from './key-rules.js';
import { isoOfLocal, type DraftField, type EditorMode, type ProfileDraft } from './profile-draft.js';
import { bucketProblem, isIpHost, parseOrigin, regionProblem } from './target-rules.js';

/** The problems of a form, by field. */
export type DraftProblems = Partial<Record<DraftField, FieldProblem>>;

/** The built-in profile's name, which no stored profile may take. */
export const LOCAL_PROFILE_NAME = 'local';

/**
 * Profile names, as the contract's schemas.ts defines them (a test keeps the two equal). Copied rather
 * than imported: schemas.ts builds zod schemas when loaded, which the page would then carry for one regex.
 */
export const PROFILE_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The contract's bounds on text fields (schemas.ts), by field. */
export const FIELD_MAX_LENGTH = {
  // Why 2,048: the contract's bound on URLs.
  endpointUrl: 2048,
  customDomain: 2048,
  publicUrlTemplate: 2048,
  // Why 1,023 and 1,024: the longest key, and the contract's bound on templates.
  keyPrefix: 1023,
  keyTemplate: 1024,
  // Why 256, 1,024 and 16,384: the contract's bounds on key ids, secrets and STS tokens.
  accessKeyId: 256,
  secret: 1024,
  securityToken: 16_384,
} as const satisfies Partial<Record<DraftField, number>>;

function nameProblem(name: string, mode: EditorMode): FieldProblem | undefined {
  if (mode.kind === 'edit') return undefined;
  if (name === '') return problem('required');
  if (name === LOCAL_PROFILE_NAME) return problem('nameLocal');
  return PROFILE_NAME_PATTERN.test(name) ? undefined : problem('namePattern');
}

function lengthProblem(value: string, max: number): FieldProblem | undefined {
  if (value.includes('\0')) return problem('noNul');
  return value.length > max ? problem('tooLong', { max }) : undefined;
}

/** The endpoint: a custom address, and the kinds the provider has. */
function endpointProblem(draft: ProfileDraft): FieldProblem | undefined {
  if (draft.provider === 's3' && draft.endpointKind === 'internal') return problem('internalS3');
  return undefined;
}

function endpointUrlProblem(draft: ProfileDraft): FieldProblem | undefined {
  if (draft.endpointKind !== 'custom') return undefined;
  const parsed = parseOrigin(draft.endpointUrl);
  return 'problem' in parsed ? parsed.problem : lengthProblem(draft.endpointUrl, FIELD_MAX_LENGTH.endpointUrl);
}

/** The addressing style against the endpoint (as profile-validate.ts and validateEndpoint combine them). */
function styleProblem(draft: ProfileDraft): FieldProblem | undefined {
  if (draft.endpointKind === 'accelerate' && draft.style !== 'virtual-hosted' && draft.style !== 'auto') return problem('accelerateStyle');
  if (draft.style === 'cname' && draft.endpointKind !== 'custom') return problem('cnameNeedsCustom');
  if (draft.style === 'virtual-hosted' && draft.endpointKind === 'custom') {
    const parsed = parseOrigin(draft.endpointUrl);
    if ('url' in parsed && isIpHost(parsed.url.hostname)) return problem('virtualHostedIp');
  }
  return undefined;
}

function customDomainProblem(value: string): FieldProblem | undefined {
  if (value.trim() === '') return undefined;
  return 'problem' in parseOrigin(value) ? problem('domainUrl') : lengthProblem(value, FIELD_MAX_LENGTH.customDomain);
}

function publicUrlTemplateProblem(value: string): FieldProblem | undefined {
  if (value.trim() === '') return undefined;
  return /^https?:\/\/[^\s]+\{key\}/.test(value.trim()) ? lengthProblem(value, FIELD_MAX_LENGTH.publicUrlTemplate) : problem('publicUrlTemplate');
}

function expiryProblem(seconds: number | undefined): FieldProblem | undefined {
  const { min, max } = SETTINGS_LIMITS.defaultLinkExpirySeconds;
  return seconds === undefined || !Number.isInteger(seconds) || seconds < min || seconds > max ? problem('expiry') : undefined;
}

/** The secret: needed for a new profile and for a changed key id; a token only comes with a secret. */
function secretProblems(draft: ProfileDraft, mode: EditorMode): DraftProblems {
  const problems: DraftProblems = {};
  const keyChanged = mode.kind === 'edit' && mode.original.accessKeyId !== draft.accessKeyId.trim();
  if (draft.secret === '') {
    if (mode.kind === 'new') problems.secret = problem('secretNew');
    else if (keyChanged) problems.secret = problem('secretKeyChanged');
    else if (draft.securityToken.trim() !== '') problems.secret = problem('tokenNeedsSecret');
  } else {
    const long = lengthProblem(draft.secret, FIELD_MAX_LENGTH.secret);
    if (long !== undefined) problems.secret = long;
  }
  const token = lengthProblem(draft.securityToken, FIELD_MAX_LENGTH.securityToken);
  if (token !== undefined) problems.securityToken = token;
  if (draft.securityTokenExpiresAt !== '') {
    if (draft.securityToken.trim() === '') problems.securityTokenExpiresAt = problem('expiryNeedsToken');
    else if (isoOfLocal(draft.securityTokenExpiresAt) === undefined) problems.securityTokenExpiresAt = problem('dateInvalid');
  }
  return problems;
}

/** Every problem of `draft`, by field; empty when the host should accept it. */
export function draftProblems(draft: ProfileDraft, mode: EditorMode): DraftProblems {
  const found: Partial<Record<DraftField, FieldProblem | undefined>> = {
    name: nameProblem(draft.name.trim(), mode),
    region: regionProblem(draft.region, draft.scheme),
    endpointKind: endpointProblem(draft),
    endpointUrl: endpointUrlProblem(draft),
    style: styleProblem(draft),
    bucket: bucketProblem(draft.bucket, draft.scheme),
    keyPrefix: keyPrefixProblem(draft.keyPrefix) ?? lengthProblem(draft.keyPrefix, FIELD_MAX_LENGTH.keyPrefix),
    keyTemplate: keyTemplateProblem(draft.keyTemplate) ?? lengthProblem(draft.keyTemplate, FIELD_MAX_LENGTH.keyTemplate),
    customDomain: customDomainProblem(draft.customDomain),
    publicUrlTemplate: publicUrlTemplateProblem(draft.publicUrlTemplate),
    linkExpirySeconds: expiryProblem(draft.linkExpirySeconds),
    accessKeyId: draft.accessKeyId.trim() === '' ? problem('required') : lengthProblem(draft.accessKeyId, FIELD_MAX_LENGTH.accessKeyId),
    ...secretProblems(draft, mode),
  };
  const problems: DraftProblems = {};
  for (const [field, fieldProblem] of Object.entries(found) as [DraftField, FieldProblem | undefined][]) {
    if (fieldProblem !== undefined) problems[field] = fieldProblem;
  }
  return problems;
}
