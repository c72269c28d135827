/**
 * Validation of access credentials. Messages never contain the secret or the token, not even in part.
 */

import type { Credentials } from '../../shared/signing.js';
import { fail, isString, loneSurrogateIndex } from './validation-helpers.js';

/** Which credential a message is about, as users see it in settings and CLI flags. */
const LABELS = {
  accessKeyId: 'access key ID',
  accessKeySecret: 'access key secret',
  securityToken: 'security token (STS)',
} as const;

type CredentialField = keyof typeof LABELS;

/** Where in a value the offending whitespace sits, without showing the value. */
function whereInValue(value: string, index: number): string {
  if (index === 0) return 'at the start';
  if (index === value.length - 1) return 'at the end';
  return 'inside the value';
}

/** Rejects whitespace, control characters and broken Unicode in a credential value. */
function checkCharacters(field: CredentialField, value: string): void {
  const label = LABELS[field];
  // Whitespace and control characters (C0, DEL, C1) cannot be part of a key and break the signature.
  const bad = value.search(/[\s\p{Cc}]/u);
  if (bad >= 0) {
    const pasted = bad === value.length - 1 ? '; it was probably pasted with a trailing newline or space' : '';
    fail(
      'invalid-credentials',
      `The ${label} contains whitespace or a control character ${whereInValue(value, bad)}${pasted}.`,
      `Copy the ${label} again from the console, without spaces or line breaks around it.`,
      { field },
    );
  }
  if (loneSurrogateIndex(value) >= 0) {
    fail(
      'invalid-credentials',
      `The ${label} is not valid Unicode text.`,
      `Copy the ${label} again from the console.`,
      { field },
    );
  }
}

/** Rejects a missing or blank required credential. */
function checkRequired(field: 'accessKeyId' | 'accessKeySecret', value: unknown): asserts value is string {
  if (!isString(value) || value.trim() === '') {
    const label = LABELS[field];
    fail(
      'missing-credentials',
      `No ${label} was given.`,
      `Set the ${label} of a RAM user (or of STS temporary credentials) in the profile, or pass it to the command.`,
      { field },
    );
  }
}

/**
 * Validates credentials: access key ID and secret present and free of whitespace and control characters;
 * the security token, when present and non-empty, likewise (an empty token means none).
 */
export function validateCredentials(credentials: Credentials | undefined): void {
  if (credentials === undefined || credentials === null || typeof credentials !== 'object') {
    fail(
      'missing-credentials',
      'No credentials were given.',
      'Set an access key ID and secret in the profile, or pass them to the command.',
    );
  }
  checkRequired('accessKeyId', credentials.accessKeyId);
  checkRequired('accessKeySecret', credentials.accessKeySecret);
  checkCharacters('accessKeyId', credentials.accessKeyId);
  checkCharacters('accessKeySecret', credentials.accessKeySecret);

  const token: unknown = credentials.securityToken;
  if (token === undefined || token === '') return;
  if (!isString(token)) {
    fail(
      'invalid-credentials',
      'The security token (STS) is not text.',
      'Pass the SecurityToken returned by STS AssumeRole as a string, or omit it for long-term keys.',
      { field: 'securityToken' },
    );
  }
  checkCharacters('securityToken', token);
}
