import { describe, expect, it } from 'vitest';
import { manualTimer } from '../../../helpers/manual-timer.js';
import type { ProgressBatch, TransferEvent } from '../../../../electron/shared/transfer.js';
import { EVENT_GATHER_MS, EventOutbox } from '../../../../electron/web-host/socket/event-outbox.js';

const removed = (seq: number): TransferEvent => ({ kind: 'removed', seq, id: `t${seq}` });
const progress = (seq: number): ProgressBatch => ({ seq, samples: [], totals: { files: 1, filesDone: 0, filesFailed: 0, bytesTotal: 9, bytesSent: 3, bytesPerSecond: 1 } });

function outbox() {
  const frames: unknown[] = [];
  const timer = manualTimer();
  return { frames, timer, box: new EventOutbox((text) => frames.push(JSON.parse(text)), timer) };
}

describe('EventOutbox', () => {
  it('sends the events of a moment as one frame, in order, with consecutive transfer events joined', () => {
    const { frames, timer, box } = outbox();
    box.event('transfers:events', [removed(1)]);
    box.event('transfers:events', [removed(2), removed(3)]);
    box.event('transfers:progress', progress(4));
    box.event('transfers:events', [removed(5)]);
    expect(frames).toEqual([]);
    expect(timer.delays).toEqual([EVENT_GATHER_MS]);
    timer.fire();
    expect(frames).toEqual([
      [
        { event: 'transfers:events', payload: [removed(1), removed(2), removed(3)] },
        { event: 'transfers:progress', payload: progress(4) },
        { event: 'transfers:events', payload: [removed(5)] },
      ],
    ]);
  });

  it('sends a single event as a plain message, as before', () => {
    const { frames, timer, box } = outbox();
    box.event('app:notice', { level: 'info', message: 'Hello.' });
    timer.fire();
    expect(frames).toEqual([{ event: 'app:notice', payload: { level: 'info', message: 'Hello.' } }]);
  });

  it('sends the events gathered before a reply first, and the reply at once', () => {
    const { frames, timer, box } = outbox();
    box.event('transfers:events', [removed(1)]);
    box.send(JSON.stringify({ id: 7, result: { ok: true, value: null } }));
    expect(frames).toEqual([{ event: 'transfers:events', payload: [removed(1)] }, { id: 7, result: { ok: true, value: null } }]);
    timer.fire();
    expect(frames).toHaveLength(2);
  });

  it('sends at once when a frame would grow past its bound', () => {
    const { frames, box } = outbox();
    box.event('transfers:events', Array.from({ length: 1999 }, (_, index) => removed(index)));
    expect(frames).toEqual([]);
    box.event('transfers:events', [removed(1999)]);
    expect(frames).toHaveLength(1);
  });

  it('drops what is gathered when the socket closes', () => {
    const { frames, timer, box } = outbox();
    box.event('transfers:events', [removed(1)]);
    box.close();
    timer.fire();
    box.flush();
    expect(frames).toEqual([]);
  });
});
