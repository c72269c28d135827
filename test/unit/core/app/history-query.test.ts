/**
 * History pages: newest first, filtered by text, a cursor that pages back to the first entry, and
 * damaged lines skipped.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryHistory } from '../../../../electron/core/app/history-query.js';
import { historyPath } from '../../../../electron/core/transfer/engine/index.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dropsign-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function line(n: number): string {
  const key = n % 3 === 0 ? `beach/${n}.jpg` : `docs/${n}.pdf`;
  return JSON.stringify({
    id: `t${n}`,
    path: `/home/me/${key}`,
    endpoint: 'http://127.0.0.1:1',
    bucket: 'dropsign',
    result: { key, size: n, etag: 'e', multipart: false, finishedAt: '2026-01-01T00:00:00Z' },
  });
}

async function writeHistory(count: number, damaged = false): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => line(i));
  if (damaged) lines.splice(5, 0, '{not json');
  await writeFile(historyPath(dir), `${lines.join('\n')}\n`);
}

describe('queryHistory', () => {
  it('answers an empty page when there is no history yet', async () => {
    expect(await queryHistory(dir)).toEqual({ entries: [] });
  });

  it('pages newest first down to the oldest', async () => {
    await writeHistory(120);
    const seen: string[] = [];
    let before: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await queryHistory(dir, { limit: 50, ...(before === undefined ? {} : { before }) });
      seen.push(...page.entries.map((e) => e.id));
      before = page.nextBefore;
      if (before === undefined) break;
    }
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `t${119 - i}`));
  });

  it('filters by text in the key, path or bucket, case-insensitively', async () => {
    await writeHistory(30, true);
    const page = await queryHistory(dir, { text: 'BEACH', limit: 4 });
    expect(page.entries.map((e) => e.result.key)).toEqual(['beach/27.jpg', 'beach/24.jpg', 'beach/21.jpg', 'beach/18.jpg']);
    const next = await queryHistory(dir, { text: 'beach', limit: 100, ...(page.nextBefore === undefined ? {} : { before: page.nextBefore }) });
    expect(next.entries.map((e) => e.result.key)).toEqual(['beach/15.jpg', 'beach/12.jpg', 'beach/9.jpg', 'beach/6.jpg', 'beach/3.jpg', 'beach/0.jpg']);
    expect(next.nextBefore).toBeUndefined();
  });
});
