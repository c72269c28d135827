import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { describe, expect, it } from 'vitest';
import { agentFor, createProxyAgentProvider, type AgentSource } from '../../../../electron/core/net/proxy.js';
import { DropsignError } from '../../../../electron/shared/errors.js';

const ENV = { HTTPS_PROXY: 'http://proxy.example:3128', HTTP_PROXY: 'http://proxy.example:3128', NO_PROXY: 'internal.example' };

/** The options a direct agent was built with (Node keeps them on `options`). */
function optionsOf(agent: HttpAgent): Record<string, unknown> {
  return (agent as unknown as { options: Record<string, unknown> }).options;
}

/** The options a proxy agent connects to the proxy with. */
function proxyConnectOptions(agent: HttpAgent): Record<string, unknown> {
  return (agent as unknown as { connectOpts: Record<string, unknown> }).connectOpts;
}

describe('agentFor (one-off requests)', () => {
  it('tunnels https through HttpsProxyAgent and sends http through HttpProxyAgent', () => {
    const secure = agentFor('https://photos.oss-cn-hangzhou.aliyuncs.com/', ENV);
    const plain = agentFor('http://minio.example:9000/', ENV);
    expect(secure).toBeInstanceOf(HttpsProxyAgent);
    expect(plain).toBeInstanceOf(HttpProxyAgent);
    expect((secure as HttpsProxyAgent<string>).proxy.host).toBe('proxy.example:3128');
    secure.destroy();
    plain.destroy();
  });

  it('builds every agent with TLS verification on (the tunnelled handshake is covered by the proxy integration test)', () => {
    const proxied = agentFor('https://photos.example/', { HTTPS_PROXY: 'https://proxy.example:3129' });
    const direct = agentFor('https://internal.example/', ENV);
    expect(direct).toBeInstanceOf(HttpsAgent);
    expect(proxyConnectOptions(proxied)['rejectUnauthorized']).toBe(true);
    expect(optionsOf(direct)['rejectUnauthorized']).toBe(true);
    proxied.destroy();
    direct.destroy();
  });

  it('goes direct for NO_PROXY hosts and loopback', () => {
    expect(agentFor('https://internal.example/', ENV)).not.toBeInstanceOf(HttpsProxyAgent);
    expect(agentFor('http://127.0.0.1:47110/', ENV)).not.toBeInstanceOf(HttpProxyAgent);
  });

  it('throws proxy-failed (never a silent bypass) for a proxy it cannot use', () => {
    let caught: unknown;
    try {
      agentFor('https://a.example/', { HTTPS_PROXY: 'socks5://user:secret@127.0.0.1:1080' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DropsignError);
    expect((caught as DropsignError).code).toBe('proxy-failed');
    expect((caught as DropsignError).message).not.toContain('secret');
  });
});

describe('createProxyAgentProvider (for the transfer layer)', () => {
  function fakeDirect(): AgentSource & { destroyed: number; asked: string[] } {
    const agent = new HttpAgent();
    const source = {
      destroyed: 0,
      asked: [] as string[],
      agentFor: (url: URL) => {
        source.asked.push(url.host);
        return agent;
      },
      destroy: () => {
        source.destroyed += 1;
      },
    };
    return source;
  }

  it('hands direct URLs to the injected pool and shares one keep-alive proxy agent per proxy and scheme', () => {
    const direct = fakeDirect();
    const provider = createProxyAgentProvider({ env: ENV, direct });
    const a = provider.agentFor(new URL('https://a.example/x'));
    const b = provider.agentFor(new URL('https://b.example/y'));
    const c = provider.agentFor(new URL('http://c.example/z'));
    provider.agentFor(new URL('https://internal.example/'));
    provider.agentFor(new URL('http://127.0.0.1:47110/'));
    expect(a).toBe(b);
    expect(a).toBeInstanceOf(HttpsProxyAgent);
    expect(c).toBeInstanceOf(HttpProxyAgent);
    expect((a as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    expect(direct.asked).toEqual(['internal.example', '127.0.0.1:47110']);
    provider.destroy();
    expect(direct.destroyed).toBe(1);
  });

  it('builds its own verified direct agents when no pool is given', () => {
    const provider = createProxyAgentProvider({ env: {} });
    const agent = provider.agentFor(new URL('https://a.example/'));
    expect(agent).toBeInstanceOf(HttpsAgent);
    expect(optionsOf(agent)['rejectUnauthorized']).toBe(true);
    expect(provider.agentFor(new URL('https://b.example/'))).toBe(agent);
    provider.destroy();
  });
});
