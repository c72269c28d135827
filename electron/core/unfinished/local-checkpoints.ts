/**
 * The multipart uploads this machine's queues will resume: the upload ids in the transfer engine's
 * checkpoints, the app's (`transfers/checkpoints`) and each CLI destination's (`cli/<id>/checkpoints`).
 * Aborting one of those would make its resume start over, so the cleanup leaves them alone.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Why 10,000 checkpoint files: far more multipart uploads than any queue holds paused at once; bounds the scan. */
const MAX_CHECKPOINT_FILES = 10_000;

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

async function uploadIdOf(file: string): Promise<string | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    // The checkpoint header, as atomic-json-file writes it: `{ version, data: { uploadId, key, ... } }`.
    const data = typeof value === 'object' && value !== null && 'data' in value ? (value as { data: unknown }).data : undefined;
    const uploadId = typeof data === 'object' && data !== null ? (data as { uploadId?: unknown }).uploadId : undefined;
    return typeof uploadId === 'string' && uploadId !== '' ? uploadId : undefined;
  } catch {
    // Unreadable or damaged: the engine itself will drop it; nothing to protect.
    return undefined;
  }
}

/** The upload ids every local queue under `appDataDir` holds a checkpoint for. Never throws. */
export async function locallyResumableUploadIds(appDataDir: string): Promise<ReadonlySet<string>> {
  const dirs = [path.join(appDataDir, 'transfers', 'checkpoints')];
  for (const destination of await namesIn(path.join(appDataDir, 'cli'))) dirs.push(path.join(appDataDir, 'cli', destination, 'checkpoints'));
  const ids = new Set<string>();
  let read = 0;
  for (const dir of dirs) {
    for (const name of await namesIn(dir)) {
      if (!name.endsWith('.json') || read >= MAX_CHECKPOINT_FILES) continue;
      read++;
      const id = await uploadIdOf(path.join(dir, name));
      if (id !== undefined) ids.add(id);
    }
  }
  return ids;
}
