import { describe, expect, it } from 'vitest';
import { actualRequestHeaders, preflightHeaders, wildcardMatch } from '../../../../electron/core/local-bucket/cors.js';
import { FaultInjector } from '../../../../electron/core/local-bucket/faults.js';
import type { OssError } from '../../../../electron/core/local-bucket/oss-errors.js';
import type { CorsRule } from '../../../../electron/core/local-bucket/types.js';

const rules: CorsRule[] = [
  { allowedOrigins: ['http://127.0.0.1:*'], allowedMethods: ['PUT', 'GET'], allowedHeaders: ['content-type', 'x-oss-*'], maxAgeSeconds: 60 },
];

describe('CORS', () => {
  it('answers an allowed preflight', () => {
    const headers = preflightHeaders(rules, { origin: 'http://127.0.0.1:5173', method: 'PUT', headers: ['content-type', 'x-oss-meta-a'] });
    expect(headers).toMatchObject({
      'access-control-allow-origin': 'http://127.0.0.1:5173',
      'access-control-allow-methods': 'PUT, GET',
      'access-control-allow-headers': 'content-type, x-oss-meta-a',
      'access-control-max-age': '60',
    });
    expect(headers['access-control-expose-headers']).toContain('ETag');
  });

  it.each([
    [{ origin: 'http://evil.example', method: 'PUT', headers: [] }],
    [{ origin: 'http://127.0.0.1:5173', method: 'DELETE', headers: [] }],
    [{ origin: 'http://127.0.0.1:5173', method: 'PUT', headers: ['authorization'] }],
    [{ origin: undefined, method: 'PUT', headers: [] }],
  ])('refuses %j with AccessForbidden', (request) => {
    try {
      preflightHeaders(rules, request);
      expect.unreachable();
    } catch (error) {
      expect((error as OssError).response).toMatchObject({ code: 'AccessForbidden', status: 403 });
    }
  });

  it('decorates actual requests from allowed origins only', () => {
    expect(actualRequestHeaders(rules, 'http://127.0.0.1:1', 'GET')['access-control-allow-origin']).toBe('http://127.0.0.1:1');
    expect(actualRequestHeaders(rules, 'http://evil.example', 'GET')).toEqual({});
    expect(actualRequestHeaders([], 'http://127.0.0.1:1', 'GET')).toEqual({});
  });

  it('matches wildcards literally apart from *', () => {
    expect(wildcardMatch('http://*.example.com', 'http://a.example.com', false)).toBe(true);
    expect(wildcardMatch('http://a.example.com', 'http://aXexample.com', false)).toBe(false);
  });
});

describe('FaultInjector', () => {
  const sequence = (...values: number[]): (() => number) => {
    let i = 0;
    return () => values[i++ % values.length] ?? 0;
  };

  it('fails the requested fraction, half 500 and half 503', () => {
    const faults = new FaultInjector({ failRate: 0.5 }, sequence(0.1, 0.2, 0.1, 0.7, 0.9));
    expect(faults.decide(false)).toEqual({ kind: 'fail', status: 500 });
    expect(faults.decide(false)).toEqual({ kind: 'fail', status: 503 });
    expect(faults.decide(false)).toEqual({ kind: 'none' });
  });

  it('resets only uploads', () => {
    const faults = new FaultInjector({ resetRate: 1 }, sequence(0));
    expect(faults.decide(true)).toEqual({ kind: 'reset' });
    expect(faults.decide(false)).toEqual({ kind: 'none' });
  });

  it('draws nothing when no rate is set', () => {
    const faults = new FaultInjector({}, () => {
      throw new Error('drew a random number');
    });
    expect(faults.decide(true)).toEqual({ kind: 'none' });
  });

  it('refuses rates outside 0..1', () => {
    expect(() => new FaultInjector({ failRate: 1.5 }, Math.random)).toThrow(RangeError);
    expect(() => new FaultInjector({ resetRate: -0.1 }, Math.random)).toThrow(RangeError);
    expect(() => new FaultInjector({ latencyMs: -1 }, Math.random)).toThrow(RangeError);
  });
});
