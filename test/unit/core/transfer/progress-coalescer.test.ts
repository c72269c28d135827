import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSequence, PROGRESS_INTERVAL_MS, ProgressCoalescer } from '../../../../electron/core/transfer/progress-coalescer.js';
import type { ProgressBatch, QueueTotals } from '../../../../electron/shared/transfer.js';

const totals: QueueTotals = { files: 3, filesDone: 0, filesFailed: 0, bytesTotal: 300, bytesSent: 0, bytesPerSecond: 0 };
const sample = (id: string, bytesSent: number) => ({ id, bytesSent, bytesPerSecond: 10 });

/** A coalescer with fake timers, recording what it emits (batches and state events, in order). */
function setup(overrides: { totals?: () => QueueTotals } = {}) {
  const out: ({ kind: 'batch'; at: number; batch: ProgressBatch } | { kind: 'state'; seq: number; id: string })[] = [];
  const nextSeq = createSequence();
  const coalescer = new ProgressCoalescer({
    emit: (batch) => out.push({ kind: 'batch', at: Date.now(), batch }),
    totals: overrides.totals ?? (() => totals),
    nextSeq,
    scheduler: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
  });
  /** Emits a state event the way the engine must: flush first, then the event with the next seq. */
  const stateEvent = (id: string): void => {
    coalescer.flush();
    out.push({ kind: 'state', seq: nextSeq(), id });
  };
  const batches = () => out.flatMap((entry) => (entry.kind === 'batch' ? [entry] : []));
  return { coalescer, out, stateEvent, batches };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('ProgressCoalescer', () => {
  it('emits one batch 200 ms after the first sample, last write winning per id', () => {
    const { coalescer, batches } = setup();
    coalescer.add(sample('a', 1));
    coalescer.add(sample('b', 5));
    coalescer.add(sample('a', 2));
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS - 1);
    expect(batches()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(batches()).toEqual([{ kind: 'batch', at: 200, batch: { seq: 1, samples: [sample('a', 2), sample('b', 5)], totals } }]);
  });

  it('sends at most one batch per 200 ms for 1,000 transfers sampled 100 times each', () => {
    const { coalescer, batches } = setup();
    const ids = Array.from({ length: 1000 }, (_, i) => `t${i}`);
    // 100 rounds, 10 ms apart: every transfer reports each round (100,000 samples over a second).
    for (let round = 1; round <= 100; round++) {
      for (const id of ids) coalescer.add(sample(id, round));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    const sent = batches();
    expect(sent.length).toBe(5);
    for (let i = 1; i < sent.length; i++) expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS);
    for (const { batch } of sent) expect(batch.samples).toHaveLength(1000);
    // The last batch carries every transfer's final sample.
    expect(sent.at(-1)?.batch.samples.every((s) => s.bytesSent === 100)).toBe(true);
  });

  it('arms no timer and sends nothing while there are no samples', () => {
    const { coalescer, batches } = setup();
    vi.advanceTimersByTime(10_000);
    expect(batches()).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
    coalescer.add(sample('a', 1));
    expect(vi.getTimerCount()).toBe(1);
    coalescer.add(sample('a', 2));
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flushes pending progress before a state event, so progress comes before the state, in seq order', () => {
    const { coalescer, out, stateEvent } = setup();
    coalescer.add(sample('a', 100));
    vi.advanceTimersByTime(50);
    stateEvent('a');
    coalescer.add(sample('b', 7));
    stateEvent('b');
    stateEvent('c');
    vi.advanceTimersByTime(1000);
    expect(out.map((entry) => (entry.kind === 'batch' ? `batch ${entry.batch.seq}` : `state ${entry.seq} ${entry.id}`))).toEqual([
      'batch 1',
      'state 2 a',
      'batch 3',
      'state 4 b',
      'state 5 c',
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('numbers batches and events monotonically through a long run', () => {
    const { coalescer, out, stateEvent } = setup();
    for (let i = 0; i < 200; i++) {
      coalescer.add(sample(`t${i % 7}`, i));
      if (i % 13 === 0) stateEvent(`t${i % 7}`);
      vi.advanceTimersByTime(17);
    }
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    const seqs = out.map((entry) => (entry.kind === 'batch' ? entry.batch.seq : entry.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('takes the totals at the moment of the batch, and sends a batch for a totals change alone', () => {
    let done = 0;
    const { coalescer, batches } = setup({ totals: () => ({ ...totals, filesDone: done }) });
    coalescer.add(sample('a', 1));
    done = 1;
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(batches()[0]?.batch.totals.filesDone).toBe(1);
    done = 2;
    coalescer.markTotalsChanged();
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(batches()[1]?.batch).toEqual({ seq: 2, samples: [], totals: { ...totals, filesDone: 2 } });
  });

  it('forgets a removed transfer and stops for good on dispose', () => {
    const { coalescer, batches } = setup();
    coalescer.add(sample('a', 1));
    coalescer.add(sample('b', 1));
    coalescer.forget('a');
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(batches()[0]?.batch.samples.map((s) => s.id)).toEqual(['b']);
    coalescer.add(sample('c', 1));
    coalescer.dispose();
    expect(vi.getTimerCount()).toBe(0);
    coalescer.add(sample('d', 1));
    coalescer.markTotalsChanged();
    coalescer.flush();
    vi.advanceTimersByTime(10_000);
    expect(batches()).toHaveLength(1);
  });

  it('keeps working when the consumer throws', () => {
    let calls = 0;
    const coalescer = new ProgressCoalescer({
      emit: () => {
        calls++;
        throw new Error('renderer gone');
      },
      totals: () => totals,
      nextSeq: createSequence(),
    });
    coalescer.add(sample('a', 1));
    expect(() => coalescer.flush()).toThrow('renderer gone');
    coalescer.add(sample('a', 2));
    expect(() => coalescer.flush()).toThrow('renderer gone');
    expect(calls).toBe(2);
    coalescer.dispose();
  });

  it('uses the real timers by default, without keeping the process alive', () => {
    vi.useRealTimers();
    const batches: ProgressBatch[] = [];
    const coalescer = new ProgressCoalescer({ emit: (batch) => batches.push(batch), totals: () => totals, nextSeq: createSequence(10) });
    coalescer.add(sample('a', 1));
    coalescer.flush();
    expect(batches.map((batch) => batch.seq)).toEqual([11]);
    coalescer.dispose();
  });
});
