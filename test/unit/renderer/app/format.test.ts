import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDuration, formatNumber, formatPercent, formatSpeed } from '../../../../renderer/src/app/format.js';
import { i18n } from '../../../../renderer/src/i18n/index.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1536, '1.5 kB'],
    [5 * 1024 * 1024, '5 MB'],
    [15.25 * 1024 * 1024, '15.3 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [1023.9 * 1024, '1 MB'],
    [3 * 1024 ** 4, '3 TB'],
  ])('%d bytes read %s in English', (bytes, text) => expect(formatBytes(bytes, 'en')).toBe(text));

  it('reads in Chinese with the Chinese number format and units', () => {
    expect(formatBytes(512, 'zh-CN')).toBe('512字节');
    expect(formatBytes(1536, 'zh-CN')).toBe('1.5 kB');
  });
});

describe('formatSpeed', () => {
  it('is a size per second, never below kilobytes', () => {
    expect(formatSpeed(2 * 1024 * 1024, 'en')).toBe('2 MB/s');
    expect(formatSpeed(300, 'en')).toBe('0.3 kB/s');
    expect(formatSpeed(2 * 1024 * 1024, 'zh-CN')).toBe('2 MB/秒');
  });
});

describe('formatDuration', () => {
  it.each([
    [0.2, '1 sec'],
    [45, '45 sec'],
    [125, '2 min'],
    [7500, '2 hr 5 min'],
    [7200, '2 hr'],
    [3 * 86_400 + 4 * 3600, '3 days 4 hr'],
  ])('%d s read %s in English', (seconds, text) => expect(formatDuration(seconds, 'en')).toBe(text));

  it('reads in Chinese', () => {
    expect(formatDuration(45, 'zh-CN')).toBe('45秒');
    expect(formatDuration(7500, 'zh-CN')).toBe('2小时5分钟');
  });
});

describe('numbers, shares and dates', () => {
  it('group digits and format dates in the language asked for', () => {
    expect(formatNumber(10_000, 'en')).toBe('10,000');
    expect(formatPercent(0.456, 'en')).toBe('46%');
    expect(formatDateTime('2026-11-21T08:05:00Z', 'en')).toMatch(/^Nov 21, 2026, \d{1,2}:05\s?[AP]M$/);
    expect(formatDateTime('2026-11-21T08:05:00Z', 'zh-CN')).toMatch(/^2026年11月21日 \d{2}:05$/);
  });
});

describe('the default language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('is the interface language', async () => {
    expect(formatDuration(45)).toBe('45 sec');
    await i18n.changeLanguage('zh-CN');
    expect(formatDuration(45)).toBe('45秒');
  });
});
