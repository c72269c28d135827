import { Agent as HttpsAgent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { createAgentPool, DEFAULT_IDLE_SOCKET_MS, DEFAULT_MAX_SOCKETS } from '../../../../../electron/core/transfer/http/http-agent.js';

describe('createAgentPool', () => {
  it('hands out one keep-alive agent per scheme, shared by every origin', () => {
    const pool = createAgentPool();
    try {
      const a = pool.agentFor(new URL('http://a.example/x'));
      const b = pool.agentFor(new URL('http://b.example:8080/y'));
      const s = pool.agentFor(new URL('https://a.example/x'));
      expect(a).toBe(b);
      expect(s).not.toBe(a);
      expect(s).toBeInstanceOf(HttpsAgent);
      expect(a.maxSockets).toBe(DEFAULT_MAX_SOCKETS);
      expect(a.maxFreeSockets).toBe(DEFAULT_MAX_SOCKETS);
      const options = (s as unknown as { options: Record<string, unknown> }).options;
      expect(options).toMatchObject({ keepAlive: true, rejectUnauthorized: true, timeout: DEFAULT_IDLE_SOCKET_MS });
    } finally {
      pool.destroy();
    }
  });

  it('sizes the pool as asked and refuses nonsense', () => {
    const pool = createAgentPool({ maxSockets: 9, idleSocketMs: 1000 });
    expect(pool.agentFor(new URL('https://x.example')).maxSockets).toBe(9);
    pool.destroy();
    expect(() => createAgentPool({ maxSockets: 0 })).toThrow(RangeError);
    expect(() => createAgentPool({ idleSocketMs: 1.5 })).toThrow(RangeError);
  });
});
