import { describe, expect, it } from 'vitest';
import { announcementFor, type RunCounts } from '../../../../../renderer/src/features/totals/announcements.js';
import { describeAnnouncement } from '../../../../../renderer/src/features/totals/use-progress-announcer.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';

const counts = (all: number, done: number, failed: number, moving: number): RunCounts => ({ all, done, failed, moving });

describe('announcementFor', () => {
  it('says nothing for a tick that crosses no milestone', () => {
    expect(announcementFor(counts(40, 1, 0, 39), counts(40, 2, 0, 38))).toBeUndefined();
    expect(announcementFor(counts(40, 2, 0, 38), counts(40, 2, 0, 38))).toBeUndefined();
  });

  it('says how far the queue is at each quarter', () => {
    expect(announcementFor(counts(40, 9, 0, 31), counts(40, 10, 0, 30))).toEqual({ kind: 'progress', done: 10, all: 40 });
    expect(announcementFor(counts(40, 19, 0, 21), counts(40, 21, 0, 19))).toEqual({ kind: 'progress', done: 21, all: 40 });
  });

  it('says when more have failed', () => {
    expect(announcementFor(counts(40, 5, 2, 33), counts(40, 5, 3, 32))).toEqual({ kind: 'failed', failed: 3 });
  });

  it('says when the run is over, with what it gave, before anything else', () => {
    expect(announcementFor(counts(40, 36, 3, 1), counts(40, 36, 4, 0))).toEqual({ kind: 'finished', done: 36, all: 40, failed: 4 });
  });

  it('takes a snapshot or a cleared queue for no progress', () => {
    expect(announcementFor(counts(0, 0, 0, 0), counts(40, 20, 0, 20))).toBeUndefined();
    expect(announcementFor(counts(40, 40, 0, 0), counts(0, 0, 0, 0))).toBeUndefined();
  });
});

describe('describeAnnouncement', () => {
  it('speaks the user’s language', () => {
    const en = i18n.getFixedT('en', 'upload');
    const zh = i18n.getFixedT('zh-CN', 'upload');
    expect(describeAnnouncement({ kind: 'progress', done: 12, all: 40 }, en)).toBe('12 of 40 files uploaded');
    expect(describeAnnouncement({ kind: 'failed', failed: 3 }, en)).toBe('3 uploads failed');
    expect(describeAnnouncement({ kind: 'finished', done: 1, all: 1, failed: 0 }, en)).toBe('Uploads finished: 1 of 1 file uploaded');
    expect(describeAnnouncement({ kind: 'finished', done: 36, all: 40, failed: 4 }, en)).toBe('Uploads finished: 36 of 40 files uploaded, 4 failed');
    expect(describeAnnouncement({ kind: 'progress', done: 12, all: 40 }, zh)).toBe('已上传 12 / 40 个文件');
  });
});
