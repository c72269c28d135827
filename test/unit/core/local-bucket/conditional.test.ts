import { describe, expect, it } from 'vitest';
import { evaluateConditions, type ConditionalHeaders } from '../../../../electron/core/local-bucket/conditional.js';

const ETAG = '"9B2CF535F27731C974343645A3985328"';
/** Stored at 2026-11-21 08:49:37.600 UTC (Last-Modified says 08:49:37: whole seconds). */
const MODIFIED = Date.UTC(2026, 10, 21, 8, 49, 37, 600);
const target = { etag: ETAG, lastModifiedMs: MODIFIED };
const decide = (headers: ConditionalHeaders) => evaluateConditions(headers, target).kind;

const AT = 'Sat, 21 Nov 2026 08:49:37 GMT';
const BEFORE = 'Sat, 21 Nov 2026 08:49:36 GMT';
const AFTER = 'Sat, 21 Nov 2026 08:49:38 GMT';

describe('conditional GET and HEAD', () => {
  it('proceeds without conditional headers', () => {
    expect(decide({})).toBe('proceed');
  });

  it('If-None-Match: 304 when any listed tag or * matches (weakly), else the object', () => {
    expect(decide({ 'if-none-match': ETAG })).toBe('not-modified');
    expect(decide({ 'if-none-match': `"other", ${ETAG}` })).toBe('not-modified');
    expect(decide({ 'if-none-match': `W/${ETAG}` })).toBe('not-modified');
    expect(decide({ 'if-none-match': '*' })).toBe('not-modified');
    expect(decide({ 'if-none-match': '"other"' })).toBe('proceed');
    expect(decide({ 'if-none-match': ETAG.toLowerCase() })).toBe('proceed');
  });

  it('accepts an ETag sent without its quotes, as some clients copy it', () => {
    expect(decide({ 'if-none-match': ETAG.slice(1, -1) })).toBe('not-modified');
    expect(decide({ 'if-match': ETAG.slice(1, -1) })).toBe('proceed');
  });

  it('If-Match: 412 unless a listed tag matches strongly (a weak tag never does) or it is *', () => {
    expect(decide({ 'if-match': ETAG })).toBe('proceed');
    expect(decide({ 'if-match': `"a", ${ETAG}` })).toBe('proceed');
    expect(decide({ 'if-match': '*' })).toBe('proceed');
    expect(evaluateConditions({ 'if-match': '"other"' }, target)).toEqual({ kind: 'precondition-failed', condition: 'If-Match' });
    expect(decide({ 'if-match': `W/${ETAG}` })).toBe('precondition-failed');
  });

  it('If-Modified-Since: 304 when not modified after that second, compared in whole seconds', () => {
    expect(decide({ 'if-modified-since': AT })).toBe('not-modified');
    expect(decide({ 'if-modified-since': AFTER })).toBe('not-modified');
    expect(decide({ 'if-modified-since': BEFORE })).toBe('proceed');
  });

  it('If-Unmodified-Since: 412 when modified after that second', () => {
    expect(decide({ 'if-unmodified-since': AT })).toBe('proceed');
    expect(evaluateConditions({ 'if-unmodified-since': BEFORE }, target)).toEqual({ kind: 'precondition-failed', condition: 'If-Unmodified-Since' });
  });

  it('reads the obsolete date forms, the asctime one as GMT', () => {
    expect(decide({ 'if-modified-since': 'Saturday, 21-Nov-26 08:49:37 GMT' })).toBe('not-modified');
    expect(decide({ 'if-modified-since': 'Sat Nov 21 08:49:37 2026' })).toBe('not-modified');
    expect(decide({ 'if-modified-since': 'Sat Nov 21 08:49:36 2026' })).toBe('proceed');
  });

  it('ignores dates that are not HTTP-dates', () => {
    for (const junk of ['0', 'yesterday', '', '2026-11-21', 'Sat, 99 Foo 2026 08:49:37 GMT']) {
      expect(decide({ 'if-modified-since': junk })).toBe('proceed');
      expect(decide({ 'if-unmodified-since': junk })).toBe('proceed');
    }
  });

  it('lets the tags decide over the dates (RFC 9110 13.2.2)', () => {
    // If-Match passes, so If-Unmodified-Since is not looked at.
    expect(decide({ 'if-match': ETAG, 'if-unmodified-since': BEFORE })).toBe('proceed');
    // If-None-Match does not match, so If-Modified-Since is not looked at.
    expect(decide({ 'if-none-match': '"other"', 'if-modified-since': AFTER })).toBe('proceed');
    // A failed precondition wins over a 304.
    expect(decide({ 'if-match': '"other"', 'if-none-match': ETAG })).toBe('precondition-failed');
  });
});
