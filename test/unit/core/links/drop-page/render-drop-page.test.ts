// @vitest-environment jsdom
/**
 * The drop page as HTML: the link travels as JSON that no value can break out of, every value shows as
 * text, the Content-Security-Policy allows exactly its own inline blocks (by hash) and the bucket's
 * origin, nothing is loaded from anywhere, it speaks English or Chinese, and the script it carries runs
 * from the page itself.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DROP_PAGE_TEXTS } from '../../../../../electron/core/links/drop-page/drop-page-texts.js';
import { DROP_PAGE_CONFIG_ID, dropPageScript, renderDropPage } from '../../../../../electron/core/links/drop-page/render-drop-page.js';
import { element, installFakeXhr, loadPage, testDocument, uploadLink, type TestElement } from './page-fixture.js';

const HOSTILE_KEY = '</script><script>alert(1)</script><!-- "quoted" & \'single\' \u2028\u2029 报告 <img src=x onerror=alert(2)>.pdf';

/** The directives of the page's policy, by name. */
function policy(): Map<string, string> {
  const content = testDocument().querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  return new Map(
    content.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function all(selectors: string): TestElement[] {
  return Array.from(testDocument().querySelectorAll(selectors));
}

describe('renderDropPage', () => {
  it('carries the link as JSON that gives every value back unchanged, hostile ones included', () => {
    const link = uploadLink({ key: HOSTILE_KEY, headers: { 'content-type': 'text/plain; charset="utf-8"', 'x-oss-meta-note': '</script>&<b>\u2028' } });
    const html = renderDropPage(link, { language: 'en' });
    const json = /<script type="application\/json" id="drop-page-config">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const config = loadPage(html);
    // The key is shown with its line and paragraph separators escaped; the rest survives as it was.
    const shownKey = HOSTILE_KEY.replace('\u2028\u2029', '\\u2028\\u2029');
    expect(config).toMatchObject({ url: link.url, headers: link.headers, shownKey, bucket: 'photos', expiresAt: link.expiresAt, language: 'en' });
    expect(html).not.toContain('</script><script>alert(1)');
  });

  it('shows hostile values as text and never as markup', () => {
    loadPage(renderDropPage(uploadLink({ key: HOSTILE_KEY, bucket: 'b<i>x</i>' }), { language: 'en' }));
    expect(all('script')).toHaveLength(2);
    expect(all('img')).toHaveLength(0);
    expect(all('i')).toHaveLength(0);
    // The line and paragraph separators in the key are shown escaped, as the app and the CLI show them.
    const shown = HOSTILE_KEY.replace('\u2028\u2029', '\\u2028\\u2029');
    expect(all('main code').map((code) => code.textContent)).toEqual([`b<i>x</i>/${shown}`, shown, 'https://photos.oss-cn-hangzhou.aliyuncs.com']);
  });

  it('shows a key with control or bidirectional characters escaped', () => {
    // Reads as "reportexe.pdf" where U+202E is honoured; the line break would split the name.
    const key = 'inbox/report\u202efdp.exe\nsecond line';
    const config = loadPage(renderDropPage(uploadLink({ key }), { language: 'en' }));
    expect(config).toMatchObject({ shownKey: 'inbox/report\\u202efdp.exe\\u000asecond line' });
    const shown = all('main code').map((code) => code.textContent ?? '');
    expect(shown.slice(0, 2)).toEqual(['photos/inbox/report\\u202efdp.exe\\u000asecond line', 'inbox/report\\u202efdp.exe\\u000asecond line']);
    expect(shown.join('')).not.toMatch(/[\u202e\n]/);
  });

  it('allows its inline style and script by their SHA-256 hashes, connects only to the bucket and allows nothing else', () => {
    loadPage(renderDropPage(uploadLink(), { language: 'en' }));
    const style = all('style');
    const scripts = all('script:not([type])');
    expect(style).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    expect(Object.fromEntries(policy())).toEqual({
      'default-src': "'none'",
      'script-src': sha256(scripts[0]?.textContent ?? ''),
      'style-src': sha256(style[0]?.textContent ?? ''),
      'connect-src': 'https://photos.oss-cn-hangzhou.aliyuncs.com',
      'img-src': 'data:',
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    // A policy applies only to what follows it: it comes right after the charset, before any style or script.
    expect(Array.from(testDocument().head.querySelectorAll('*')).slice(0, 2).map((node) => node.getAttribute('http-equiv') ?? node.getAttribute('charset'))).toEqual(['utf-8', 'Content-Security-Policy']);
  });

  it('connects to a local bucket by its origin, port included', () => {
    loadPage(renderDropPage(uploadLink({ url: 'http://127.0.0.1:47110/dropsign/a.txt?x-oss-signature=abc' }), { language: 'en' }));
    expect(policy().get('connect-src')).toBe('http://127.0.0.1:47110');
  });

  it('loads nothing from anywhere: no external URL in the page, only the bucket’s', () => {
    const html = renderDropPage(uploadLink(), { language: 'en' });
    loadPage(html);
    const linked = all('[src], [href]').map((node) => node.getAttribute('src') ?? node.getAttribute('href'));
    expect(linked).toEqual(['data:,']);
    expect(all('style')[0]?.textContent).not.toMatch(/url\(|@import/);
    const urls = html.match(/(?:https?|ftp|wss?):\/\/[^\s"'<>\\)]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith('https://photos.oss-cn-hangzhou.aliyuncs.com')).toBe(true);
  });

  it('speaks English', () => {
    const html = renderDropPage(uploadLink(), { language: 'en' });
    loadPage(html);
    expect(html).toContain('\n<html lang="en">\n');
    expect(testDocument().querySelector('title')?.textContent).toBe('Upload a file · Dropsign');
    expect(testDocument().querySelector('h1')?.textContent).toBe('Upload a file');
    expect(element('stored-as').textContent).toBe('It is stored as inbox/report.pdf, whatever the file is called on your computer.');
    expect(element('drop-area').getAttribute('aria-label')).toBe('Choose a file to upload, or drop one here');
  });

  it('speaks Chinese, in its own words and with the values the English puts in', () => {
    const html = renderDropPage(uploadLink(), { language: 'zh-CN' });
    const config = loadPage(html);
    expect(html).toContain('\n<html lang="zh-CN">\n');
    expect(testDocument().querySelector('h1')?.textContent).toBe('上传文件');
    expect(element('stored-as').textContent).toBe('无论文件在你的电脑上叫什么名字，它都将保存为 inbox/report.pdf。');
    expect(config.texts).toEqual(DROP_PAGE_TEXTS['zh-CN'].script);
    const slots = (text: string): string[] => (text.match(/\{[a-z]+\}/g) ?? []).sort();
    for (const part of ['markup', 'script'] as const) {
      const en = new Map<string, string>(Object.entries(DROP_PAGE_TEXTS.en[part]));
      const zh = new Map<string, string>(Object.entries(DROP_PAGE_TEXTS['zh-CN'][part]));
      expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [name, text] of en) {
        expect(zh.get(name), name).not.toBe(text);
        expect(slots(zh.get(name) ?? ''), name).toEqual(slots(text));
      }
    }
  });

  it('refuses a download link and a URL that is not http or https', () => {
    expect(() => renderDropPage(uploadLink({ method: 'GET' }), { language: 'en' })).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => renderDropPage(uploadLink({ url: 'javascript:alert(1)' }), { language: 'en' })).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => renderDropPage(uploadLink({ url: 'not a url' }), { language: 'en' })).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });

  it('carries dropPageMain as its source text, called with the page’s config and document', () => {
    const script = dropPageScript();
    expect(script).toContain('function dropPageMain(config, doc)');
    expect(script).toMatch(new RegExp(`\\)\\(JSON\\.parse\\(document\\.getElementById\\("${DROP_PAGE_CONFIG_ID}"\\)\\.textContent\\), document\\);$`));
    expect(script).not.toMatch(/<\/script|<!--/i);
  });

  describe('run as the page runs it', () => {
    let restore: () => void;
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
      vi.setSystemTime(new Date('2026-11-21T08:00:48Z'));
      restore = installFakeXhr();
    });
    afterEach(() => {
      restore();
      vi.useRealTimers();
    });

    it('finds its config and its elements from the embedded text alone, and counts down', () => {
      loadPage(renderDropPage(uploadLink(), { language: 'en' }));
      // The script block's text, evaluated in the page's global scope as a browser runs it.
      new Function(all('script:not([type])')[0]?.textContent ?? '')();
      expect(element('drop-page').getAttribute('data-state')).toBe('ready');
      expect(element('countdown').textContent).toBe('(expires in 59 min 12 s)');
      vi.advanceTimersByTime(1000);
      expect(element('countdown').textContent).toBe('(expires in 59 min 11 s)');
    });
  });
});
