import { describe, expect, it } from 'vitest';
import { LARGE_FILE_BYTES, MAX_REQUEST_BYTES, planSpoolRequests } from '../../../../renderer/src/bridge/spool-requests.js';

describe('planSpoolRequests', () => {
  it('puts small files together, in order, up to the file bound', () => {
    expect(planSpoolRequests([1, 2, 3, 4, 5], 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(planSpoolRequests(Array.from({ length: 600 }, () => 1024)).map((request) => request.length)).toEqual([256, 256, 88]);
  });

  it('gives a large file a request of its own, between the small ones around it', () => {
    expect(planSpoolRequests([10, LARGE_FILE_BYTES + 1, 10, 10])).toEqual([[0], [1], [2, 3]]);
    expect(planSpoolRequests([LARGE_FILE_BYTES])).toEqual([[0]]);
  });

  it('closes a request before it passes the byte bound', () => {
    const near = LARGE_FILE_BYTES;
    const perRequest = Math.floor(MAX_REQUEST_BYTES / near);
    expect(planSpoolRequests(Array.from({ length: perRequest + 1 }, () => near)).map((request) => request.length)).toEqual([perRequest, 1]);
  });

  it('plans nothing for nothing', () => {
    expect(planSpoolRequests([])).toEqual([]);
  });
});
