/**
 * Text in HTML: every character that could open a tag, end an attribute or start an entity is escaped,
 * and templates put prepared markup in their `{slots}` only.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, fillMarkup } from '../../../../../electron/core/links/drop-page/html-text.js';

describe('escapeHtml', () => {
  it('escapes &, <, >, double and single quotes, and leaves the rest as written', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp; 报告</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp; 报告&lt;/a&gt;');
  });
});

describe('fillMarkup', () => {
  it('escapes the template and puts the prepared markup in its slots', () => {
    expect(fillMarkup('<b>{target}</b> & {target}', { target: '<code>a</code>' })).toBe('&lt;b&gt;<code>a</code>&lt;/b&gt; &amp; <code>a</code>');
  });

  it('leaves a slot it has no markup for as written, and ignores inherited names', () => {
    expect(fillMarkup('{missing} {constructor}', {})).toBe('{missing} {constructor}');
  });
});
