/**
 * The existing-object policy: what to do when the destination key already holds an object.
 * - `overwrite`: upload without looking (no HEAD request).
 * - `skip`: HEAD; if the key is taken, the transfer ends as skipped.
 * - `fail`: HEAD; if taken, fail with `object-exists`. The upload also carries the overwrite guard
 *   (`x-oss-forbid-overwrite: true`), so an object that appears between HEAD and upload is still caught.
 * - `rename`: HEAD the key, then `name (1).ext`, `name (2).ext`... until one is free.
 */
import type { ErrorInfo } from '../../../shared/errors.js';
import type { ExistingObjectPolicy } from '../../../shared/transfer.js';
import type { HeadResult } from '../object-api.js';
import { renameForConflict } from '../object-key.js';

/** The decision. */
export type PolicyDecision =
  | { readonly kind: 'upload'; readonly key: string }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'fail'; readonly error: ErrorInfo };

/**
 * Names tried by `rename` before giving up. Why 1000: a folder with a thousand copies of one name is a
 * loop somewhere (a sync tool re-dropping the same file), and each try costs a request.
 */
export const MAX_RENAME_TRIES = 1000;

/** The `object-exists` error for `key`. */
export function objectExistsInfo(key: string, bucket: string): ErrorInfo {
  return {
    code: 'object-exists',
    message: `An object named ${JSON.stringify(key)} already exists in the bucket ${JSON.stringify(bucket)}, and the destination is set not to overwrite.`,
    hint: 'Choose another existing-object policy (overwrite, skip or rename) or another key, then retry.',
    details: { key, bucket },
  };
}

/** Applies `policy` to `key`, asking `head` (which retries and throws as requests do) whether keys are taken. */
export async function decideKey(
  policy: ExistingObjectPolicy,
  key: string,
  bucket: string,
  head: (key: string) => Promise<HeadResult>,
): Promise<PolicyDecision> {
  if (policy === 'overwrite') return { kind: 'upload', key };
  const existing = await head(key);
  if (!existing.exists) return { kind: 'upload', key };
  switch (policy) {
    case 'skip':
      return { kind: 'skip', reason: `An object named ${JSON.stringify(key)} already exists (${existing.size} bytes), so the file was not uploaded.` };
    case 'fail':
      return { kind: 'fail', error: objectExistsInfo(key, bucket) };
    case 'rename':
      for (let n = 1; n <= MAX_RENAME_TRIES; n++) {
        const candidate = renameForConflict(key, n);
        if (!(await head(candidate)).exists) return { kind: 'upload', key: candidate };
      }
      return {
        kind: 'fail',
        error: {
          code: 'object-exists',
          message: `${JSON.stringify(key)} and its ${MAX_RENAME_TRIES} numbered alternatives all exist already.`,
          hint: 'Use a key template that makes unique names, such as {date}/{name} or {uuid}-{name}.',
          details: { key, bucket },
        },
      };
  }
}
