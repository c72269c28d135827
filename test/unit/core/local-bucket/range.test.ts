import { describe, expect, it } from 'vitest';
import { rangeBehaviorFor, resolveRange } from '../../../../electron/core/local-bucket/range.js';

describe('resolveRange', () => {
  const size = 1000;
  it.each([
    ['bytes=0-499', { kind: 'partial', start: 0, end: 499 }],
    ['bytes=500-', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=-500', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['bytes=500-2000', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=999-999', { kind: 'partial', start: 999, end: 999 }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=1000-2000', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-1,5-6', { kind: 'unsatisfiable' }],
    ['byte=0-499', { kind: 'full' }],
    ['bytes=5-2', { kind: 'full' }],
    ['bytes=-', { kind: 'full' }],
    ['bytes=abc', { kind: 'full' }],
  ])('standard: %s', (header, expected) => {
    expect(resolveRange(header, size, 'standard')).toEqual(expected);
  });

  it.each([
    ['bytes=0-499', { kind: 'partial', start: 0, end: 499 }],
    ['bytes=-500', { kind: 'partial', start: 500, end: 999 }],
    ['bytes=500-2000', { kind: 'full' }],
    ['bytes=1000-', { kind: 'full' }],
    ['bytes=-2000', { kind: 'full' }],
    ['bytes=0-1,5-6', { kind: 'full' }],
  ])('oss-default: %s', (header, expected) => {
    expect(resolveRange(header, size, 'oss-default')).toEqual(expected);
  });

  it('finds no range in an empty object', () => {
    expect(resolveRange('bytes=0-', 0, 'standard')).toEqual({ kind: 'unsatisfiable' });
    expect(resolveRange('bytes=-1', 0, 'standard')).toEqual({ kind: 'unsatisfiable' });
    expect(resolveRange(undefined, 0, 'standard')).toEqual({ kind: 'full' });
  });

  it('lets x-oss-range-behavior: standard override the server default', () => {
    expect(rangeBehaviorFor('standard', 'oss-default')).toBe('standard');
    expect(rangeBehaviorFor(undefined, 'oss-default')).toBe('oss-default');
    expect(rangeBehaviorFor(undefined, 'standard')).toBe('standard');
  });
});
