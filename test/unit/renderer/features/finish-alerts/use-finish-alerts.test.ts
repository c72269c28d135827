import { afterEach, describe, expect, it } from 'vitest';
import { finishMessage } from '../../../../../renderer/src/features/finish-alerts/use-finish-alerts.js';
import { i18n } from '../../../../../renderer/src/i18n/index.js';

describe('finishMessage', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says what the run gave, and where the link went', () => {
    expect(finishMessage({ done: 1, failed: 0 }, false)).toBe('1 file uploaded.');
    expect(finishMessage({ done: 3, failed: 1, lastLink: 'http://x' }, true)).toBe('3 files uploaded. 1 failed. The link is on the clipboard.');
  });

  it('speaks the interface language', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(finishMessage({ done: 3, failed: 0 }, true)).toBe('已上传 3 个文件。链接已复制到剪贴板。');
  });
});
