/** The rules of the unfinished-uploads list (renderer/src/features/unfinished/unfinished-rows.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_ABORT_UPLOADS, type UnfinishedAbortOutcome, type UnfinishedUploadView } from '../../../../../electron/shared/ipc/unfinished-types.js';
import { abandonedIds, ABORT_BATCH_SIZE, ageSeconds, inBatches, isRecent, isSelectable, rowId, selectableIds, storedBytes, tallyOutcomes } from '../../../../../renderer/src/features/unfinished/unfinished-rows.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');

function upload(key: string, initiatedAt: string, resumableHere = false): UnfinishedUploadView {
  return { key, uploadId: `id-${key}`, initiatedAt, resumableHere };
}

const OLD = upload('old', '2026-11-19T08:00:00Z');
const YOUNG = upload('young', '2026-11-21T07:00:00Z');
const HERE = upload('here', '2026-11-01T00:00:00Z', true);

describe('unfinished rows', () => {
  it('tells apart uploads with the same id under different keys', () => {
    expect(rowId({ key: 'a', uploadId: 'X' })).not.toBe(rowId({ key: 'b', uploadId: 'X' }));
    expect(rowId({ key: 'a', uploadId: 'X' })).toBe(rowId({ key: 'a', uploadId: 'X' }));
  });

  it('ages an upload from its start, never below zero and never from a date it cannot read', () => {
    expect(ageSeconds(OLD, NOW)).toBe(2 * 86_400);
    expect(ageSeconds(upload('ahead', '2026-11-21T08:05:00Z'), NOW)).toBe(0);
    expect(ageSeconds(upload('bad', 'yesterday'), NOW)).toBe(0);
    expect(isRecent(YOUNG, NOW)).toBe(true);
    expect(isRecent(OLD, NOW)).toBe(false);
  });

  it('never offers what a local queue will resume, nor what is already aborted or gone', () => {
    const outcome = (kind: UnfinishedAbortOutcome['outcome']): UnfinishedAbortOutcome =>
      kind === 'failed' ? { key: 'old', uploadId: 'id-old', outcome: kind, error: { code: 'server-error', message: 'm', hint: 'h' } } : { key: 'old', uploadId: 'id-old', outcome: kind };
    expect(isSelectable(HERE, undefined)).toBe(false);
    expect(isSelectable(OLD, undefined)).toBe(true);
    expect(isSelectable(OLD, outcome('aborted'))).toBe(false);
    expect(isSelectable(OLD, outcome('already-gone'))).toBe(false);
    expect(isSelectable(OLD, outcome('failed'))).toBe(true);
    expect(isSelectable(OLD, outcome('skipped'))).toBe(true);
    const outcomes = new Map([[rowId(OLD), outcome('aborted')]]);
    expect(selectableIds([OLD, YOUNG, HERE], new Map())).toEqual([rowId(OLD), rowId(YOUNG)]);
    expect(selectableIds([OLD, YOUNG, HERE], outcomes)).toEqual([rowId(YOUNG)]);
  });

  it('chooses as abandoned only selectable uploads older than a day', () => {
    const older = upload('older', '2026-11-10T00:00:00Z');
    expect(abandonedIds([OLD, YOUNG, HERE, older], new Map(), NOW)).toEqual([rowId(OLD), rowId(older)]);
  });

  it('adds up what the uploads hold only when the listing says it for every one', () => {
    expect(storedBytes([{ ...OLD, parts: 2, bytes: 300 }, { ...YOUNG, parts: 0, bytes: 0 }, { ...HERE, parts: 1, bytes: 5 }])).toBe(305);
    expect(storedBytes([{ ...OLD, parts: 0, bytes: 0 }])).toBe(0);
    expect(storedBytes([OLD, YOUNG])).toBeUndefined();
    expect(storedBytes([{ ...OLD, parts: 2, bytes: 300 }, YOUNG])).toBeUndefined();
    expect(storedBytes([])).toBeUndefined();
  });

  it('splits a selection into batches in order, none larger than the contract allows', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inBatches([], 2)).toEqual([]);
    expect(ABORT_BATCH_SIZE).toBeLessThanOrEqual(MAX_ABORT_UPLOADS);
    expect(inBatches(Array.from({ length: 250 }, (_, i) => i)).map((batch) => batch.length)).toEqual([ABORT_BATCH_SIZE, ABORT_BATCH_SIZE, 50]);
  });

  it('counts what a run did', () => {
    const ref = { key: 'k', uploadId: 'u' };
    expect(
      tallyOutcomes([
        { ...ref, outcome: 'aborted' },
        { ...ref, outcome: 'aborted' },
        { ...ref, outcome: 'already-gone' },
        { ...ref, outcome: 'failed', error: { code: 'access-denied', message: 'm', hint: 'h' } },
        { ...ref, outcome: 'skipped' },
      ]),
    ).toEqual({ aborted: 2, alreadyGone: 1, failed: 1, skipped: 1 });
  });
});
