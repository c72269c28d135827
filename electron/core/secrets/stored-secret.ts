/**
 * What one profile keeps in a secret store: the AccessKey secret and, for temporary (STS) credentials, the
 * security token and when it expires, as one JSON string `{accessKeySecret, securityToken?, securityTokenExpiresAt?}`.
 */
import { z } from 'zod';
import { DropsignError } from '../../shared/errors.js';

const storedSecretSchema = z.object({
  accessKeySecret: z.string().min(1),
  securityToken: z.string().min(1).optional(),
  /** ISO 8601 UTC. */
  securityTokenExpiresAt: z.iso.datetime().optional(),
});

/** The secret part of a profile's credentials. */
export type StoredSecret = z.infer<typeof storedSecretSchema>;

/** The account a profile's secret is stored under (the service being `Dropsign`). */
export function profileAccount(profileName: string): string {
  return `profile:${profileName}`;
}

/** The JSON string to store. */
export function encodeStoredSecret(secret: StoredSecret): string {
  return JSON.stringify({
    accessKeySecret: secret.accessKeySecret,
    ...(secret.securityToken === undefined ? {} : { securityToken: secret.securityToken }),
    ...(secret.securityTokenExpiresAt === undefined ? {} : { securityTokenExpiresAt: secret.securityTokenExpiresAt }),
  });
}

/**
 * Reads a stored value back. Throws `secret-file-damaged` for anything that is not our JSON (the error
 * never quotes the value, which may be a secret written by hand).
 */
export function decodeStoredSecret(value: string, where: string): StoredSecret {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  const result = storedSecretSchema.safeParse(parsed);
  if (!result.success) {
    throw new DropsignError(
      'secret-file-damaged',
      `The entry stored in ${where} is not a Dropsign secret (it was changed outside Dropsign).`,
      'Enter the secret again: dropsign profile add NAME --replace.',
    );
  }
  return result.data;
}
