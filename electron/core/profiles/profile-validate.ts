/**
 * Checks a profile before it is stored, with the signer's own validators (region, bucket, endpoint, key,
 * expiry), so a profile that saves is a profile that signs. Problems come out as `invalid-profile` (or the
 * signer's precise code) with one sentence naming the field and a hint; never a secret, as profiles hold none.
 */
import { DropsignError, isDropsignError } from '../../shared/errors.js';
import { validateExpiry } from '../signing/validate.js';
import { validateRegion } from '../signing/validate-region.js';
import { validateBucket, validateEndpoint, validateKey } from '../signing/validate-target.js';
import { compileKeyTemplate } from '../transfer/object-key.js';
import { endpointUrl } from './profile-endpoint.js';
import { LOCAL_PROFILE_NAME, PROFILE_NAME_PATTERN, profileSchema, type Profile } from './profile-schema.js';

/** Throws `invalid-profile` unless `name` can name a stored profile. */
export function validateProfileName(name: string): void {
  if (name === LOCAL_PROFILE_NAME) {
    throw new DropsignError(
      'invalid-profile',
      'The name "local" belongs to the built-in profile of the embedded local bucket.',
      'Choose another name, such as prod or staging.',
    );
  }
  if (!PROFILE_NAME_PATTERN.test(name)) {
    throw new DropsignError(
      'invalid-profile',
      `The profile name ${JSON.stringify(name)} is not usable; names have 1 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.`,
      'Choose a name such as prod, staging or minio-work.',
    );
  }
}

/** Re-raises a signer validation error with the profile field it came from. */
function asField(field: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!isDropsignError(error)) throw error;
    throw new DropsignError(error.code, `Profile ${field}: ${error.message}`, error.hint, { ...error.details, field });
  }
}

function fail(message: string, hint: string, field: string): never {
  throw new DropsignError('invalid-profile', message, hint, { field });
}

/** Checks that provider, scheme, endpoint kind and style fit together. */
function validateCombination(profile: Profile): void {
  if (profile.provider === 's3' && profile.scheme !== 's3-v4') {
    fail(`An S3-compatible profile signs with s3-v4, not ${profile.scheme}.`, 'Use --scheme s3-v4 (the default for --provider s3).', 'scheme');
  }
  if (profile.provider === 's3' && profile.endpoint.kind === 'internal') {
    fail('S3-compatible stores have no "internal" endpoint.', 'Give the endpoint URL instead (--endpoint https://...).', 'endpoint');
  }
  if (profile.endpoint.kind === 'accelerate' && profile.style !== 'virtual-hosted') {
    fail('The acceleration endpoint works with virtual-hosted addressing only.', 'Use --style virtual-hosted with --endpoint accelerate.', 'style');
  }
  if (profile.style === 'cname' && profile.endpoint.kind !== 'custom') {
    fail('Custom-domain (cname) addressing needs the custom domain as the endpoint.', 'Give it with --endpoint https://your.domain.', 'style');
  }
}

/**
 * Validates a whole profile: the schema, the name, the provider/scheme/endpoint combination, and the
 * region, bucket, endpoint URL, key prefix, key template, custom domain and link expiry as the signer and
 * the transfer engine will check them. Returns the parsed profile (defaults filled in).
 */
export function validateProfile(input: unknown): Profile {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'profile';
    fail(`Profile field ${field || 'profile'} is not valid: ${issue?.message ?? 'unknown problem'}.`, 'Run `dropsign profile add --help` for the fields.', field);
  }
  const profile = parsed.data;
  validateProfileName(profile.name);
  validateCombination(profile);
  asField('region', () => validateRegion(profile.region, profile.scheme));
  asField('bucket', () => validateBucket(profile.bucket, profile.scheme));
  asField('endpoint', () => validateEndpoint(endpointUrl(profile), profile.style));
  asField('link expiry', () => validateExpiry(profile.linkExpirySeconds, profile.scheme));
  if (profile.keyPrefix !== '') {
    // A prefix must be the start of a valid key: checked with a one-letter name after it.
    asField('key prefix', () => validateKey(`${profile.keyPrefix}x`, profile.scheme));
  }
  if (profile.keyTemplate !== undefined) {
    const template = profile.keyTemplate;
    asField('key template', () => void compileKeyTemplate(template));
  }
  if (profile.customDomain !== undefined) {
    const domain = profile.customDomain;
    asField('custom domain', () => validateEndpoint(domain, 'cname'));
  }
  if (profile.publicUrlTemplate !== undefined && !/^https?:\/\/[^\s]+\{key\}/.test(profile.publicUrlTemplate)) {
    fail(
      'The public URL template must be an http(s) URL containing {key}.',
      'For example --public-url-template "https://cdn.example.com/{key}".',
      'publicUrlTemplate',
    );
  }
  return profile;
}
