/**
 * HTTP agents that honour HTTPS_PROXY / HTTP_PROXY / NO_PROXY (see proxy-route.ts for the rules) for every
 * request Dropsign makes: `https-proxy-agent` tunnels https:// requests through the proxy with CONNECT
 * (TLS stays end to end); `http-proxy-agent` sends http:// requests to the proxy with absolute URLs.
 *
 * TLS verification is never disabled: every agent is built with `rejectUnauthorized: true` explicitly, so
 * neither a caller nor NODE_TLS_REJECT_UNAUTHORIZED can relax it; extra CAs (a corporate proxy's) are added
 * with `ca`, never by turning checks off.
 *
 * For the transfer HTTP layer: {@link createProxyAgentProvider} wraps its pooled direct agents and has the
 * same shape as its `AgentProvider` (`agentFor(url: URL): Agent`, `destroy()`).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { DropsignError } from '../../shared/errors.js';
import { proxyRouteFor, type ProxyEnv, type ProxyRoute } from './proxy-route.js';

/** Hands out the agent for each request URL. Structurally the transfer layer's `AgentProvider`. */
export interface AgentSource {
  /** The agent for a request to `url`. Throws `proxy-failed` when the configured proxy cannot be used. */
  agentFor(url: URL): HttpAgent;
  /** Closes every socket this source pooled. */
  destroy(): void;
}

/** Options of the proxy agents. */
export interface ProxyAgentOptions {
  /** Extra trusted CA certificates (PEM), for a proxy that inspects TLS. Verification stays on. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  /** Keep sockets to the proxy open for reuse. Default true for providers, false for {@link agentFor}. */
  readonly keepAlive?: boolean;
  /** Most sockets per proxied origin. Default 64, as the transfer pool (see its reasoning). */
  readonly maxSockets?: number;
}

/** Default of {@link ProxyAgentOptions.maxSockets}. */
const DEFAULT_MAX_SOCKETS = 64;

/** The typed error for a proxy setting that cannot be used (never silently bypassed). */
export function unusableProxyError(route: Extract<ProxyRoute, { kind: 'unusable' }>): DropsignError {
  return new DropsignError(
    'proxy-failed',
    `The proxy set in ${route.variable} (${route.display}) cannot be used: ${route.why}.`,
    `Set ${route.variable} to an HTTP proxy such as http://proxy.example:3128, or add the host to NO_PROXY.`,
    { variable: route.variable, proxy: route.display },
  );
}

function tlsOptions(options: ProxyAgentOptions): { rejectUnauthorized: true; ca?: string | Buffer | (string | Buffer)[] } {
  return {
    rejectUnauthorized: true,
    ...(options.ca === undefined ? {} : { ca: options.ca as string | Buffer | (string | Buffer)[] }),
  };
}

type TunnelOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

/**
 * An HttpsProxyAgent whose TLS handshake with the target always verifies. Why a subclass: the library
 * applies its constructor options to the connection to the proxy only; the tunnelled handshake takes
 * the request's options, where `rejectUnauthorized` is usually absent and would then follow
 * NODE_TLS_REJECT_UNAUTHORIZED. Here it is forced on for every request, with the extra CAs.
 */
class VerifyingHttpsProxyAgent extends HttpsProxyAgent<string> {
  readonly #tls: ReturnType<typeof tlsOptions>;

  constructor(proxy: URL, options: ConstructorParameters<typeof HttpsProxyAgent<string>>[1], tls: ReturnType<typeof tlsOptions>) {
    super(proxy, options);
    this.#tls = tls;
  }

  override connect(req: Parameters<HttpsProxyAgent<string>['connect']>[0], options: TunnelOptions): ReturnType<HttpsProxyAgent<string>['connect']> {
    return super.connect(req, { ...options, ...this.#tls } as TunnelOptions);
  }
}

/** A new agent that carries requests for `target` through `route.proxy`. */
function proxyAgent(route: Extract<ProxyRoute, { kind: 'proxy' }>, target: URL, options: ProxyAgentOptions, keepAlive: boolean): HttpAgent {
  // These TLS options verify an https:// proxy itself; VerifyingHttpsProxyAgent also applies them to the target.
  const common = { keepAlive, maxSockets: options.maxSockets ?? DEFAULT_MAX_SOCKETS, ...tlsOptions(options) };
  return target.protocol === 'https:' ? new VerifyingHttpsProxyAgent(route.proxy, common, tlsOptions(options)) : new HttpProxyAgent(route.proxy, common);
}

/** A new direct agent for `target`, with TLS verification forced on. */
function directAgent(target: URL, options: ProxyAgentOptions, keepAlive: boolean): HttpAgent {
  return target.protocol === 'https:' ? new HttpsAgent({ keepAlive, ...tlsOptions(options) }) : new HttpAgent({ keepAlive });
}

/**
 * The agent for one request to `url` under `env`: a proxy agent when the environment says so, else a
 * direct one. For one-off requests (the profile probe); long-lived callers use
 * {@link createProxyAgentProvider}, which pools. Throws `proxy-failed` for an unusable proxy setting.
 */
export function agentFor(url: string | URL, env: ProxyEnv, options: ProxyAgentOptions = {}): HttpAgent {
  const target = typeof url === 'string' ? new URL(url) : url;
  const route = proxyRouteFor(target, env);
  const keepAlive = options.keepAlive ?? false;
  if (route.kind === 'unusable') throw unusableProxyError(route);
  return route.kind === 'proxy' ? proxyAgent(route, target, options, keepAlive) : directAgent(target, options, keepAlive);
}

/** Options of {@link createProxyAgentProvider}. */
export interface ProxyAgentProviderOptions extends ProxyAgentOptions {
  /** The environment to read the proxy variables from (the process's, in the app and the CLI). */
  readonly env: ProxyEnv;
  /**
   * Where requests that go direct get their agent: the transfer layer's keep-alive pool
   * (`createAgentPool()`). Default: one keep-alive agent per scheme built here.
   */
  readonly direct?: AgentSource;
}

/**
 * An agent source for long-lived use: direct URLs get `direct`'s agents; proxied URLs share one keep-alive
 * proxy agent per (proxy, target scheme). The route is decided per URL, so NO_PROXY applies per host.
 */
export function createProxyAgentProvider(options: ProxyAgentProviderOptions): AgentSource {
  const keepAlive = options.keepAlive ?? true;
  const ownDirect = new Map<string, HttpAgent>();
  const direct: AgentSource = options.direct ?? {
    agentFor: (url) => {
      let agent = ownDirect.get(url.protocol);
      if (agent === undefined) {
        agent = directAgent(url, options, keepAlive);
        ownDirect.set(url.protocol, agent);
      }
      return agent;
    },
    destroy: () => {
      for (const agent of ownDirect.values()) agent.destroy();
      ownDirect.clear();
    },
  };
  const proxied = new Map<string, HttpAgent>();
  return {
    agentFor: (url) => {
      const route = proxyRouteFor(url, options.env);
      if (route.kind === 'unusable') throw unusableProxyError(route);
      if (route.kind === 'direct') return direct.agentFor(url);
      const key = `${route.proxy.href} ${url.protocol}`;
      let agent = proxied.get(key);
      if (agent === undefined) {
        agent = proxyAgent(route, url, options, keepAlive);
        proxied.set(key, agent);
      }
      return agent;
    },
    destroy: () => {
      for (const agent of proxied.values()) agent.destroy();
      proxied.clear();
      direct.destroy();
    },
  };
}
