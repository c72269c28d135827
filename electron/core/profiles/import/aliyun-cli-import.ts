/**
 * Reads the Alibaba Cloud CLI's configuration (`~/.aliyun/config.json`):
 * `{"current":"default","profiles":[{"name","mode","access_key_id","access_key_secret","sts_token","region_id",...}]}`.
 *
 * Modes `AK` (long-term keys) and `StsToken` (keys with a token) carry static credentials and can be
 * imported; the others (`RamRoleArn`, `EcsRamRole`, `ChainableRamRoleArn`, `OIDC`, ...) obtain credentials at
 * run time and are listed as not importable, with the reason.
 */
import { z } from 'zod';
import { profileNameFrom, secretOf, text, type ImportCandidate } from './import-candidate.js';

const profileSchema = z.looseObject({
  name: z.string().optional(),
  mode: z.string().optional(),
  access_key_id: z.string().optional(),
  access_key_secret: z.string().optional(),
  sts_token: z.string().optional(),
  region_id: z.string().optional(),
});
const configSchema = z.looseObject({ profiles: z.array(profileSchema) });

/** Modes whose credentials are stored in the file. */
const STATIC_MODES = new Set(['AK', 'StsToken']);

/**
 * The candidates in the CLI's config.json text. Throws a plain Error (for the caller to report as an
 * unreadable source) when the text is not that file's JSON.
 */
export function parseAliyunCliConfig(textContent: string, file: string): readonly ImportCandidate[] {
  const config = configSchema.parse(JSON.parse(textContent));
  return config.profiles.map((entry, index): ImportCandidate => {
    const name = text(entry.name) ?? `profile-${index + 1}`;
    const mode = text(entry.mode) ?? 'AK';
    const accessKeyId = text(entry.access_key_id);
    const region = text(entry.region_id);
    const token = mode === 'StsToken' ? text(entry.sts_token) : undefined;
    const unusable = !STATIC_MODES.has(mode)
      ? `its mode ${mode} obtains credentials at run time; Dropsign stores an AccessKey pair (or STS credentials) only`
      : accessKeyId === undefined || text(entry.access_key_secret) === undefined
        ? 'it has no AccessKey ID and secret'
        : undefined;
    return {
      source: 'aliyun',
      origin: `${file} (profile ${name}, mode ${mode})`,
      suggestedName: profileNameFrom('aliyun', name),
      provider: 'oss',
      ...(accessKeyId === undefined ? {} : { accessKeyId }),
      ...(region === undefined ? {} : { region, endpoint: { kind: 'public' as const } }),
      hasSessionToken: token !== undefined,
      ...(unusable === undefined ? {} : { unusable }),
      secret: unusable === undefined ? secretOf(text(entry.access_key_secret), token) : () => undefined,
    };
  });
}
