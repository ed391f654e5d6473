import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { HttpFetch } from '../../ports';

export interface ProxyConfig {
  readonly url: string;
  readonly noProxy?: readonly string[] | undefined;
}

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * The Node side's proxy (Electron uses the system's through net.fetch): the policy's proxy when
 * one is set, else HTTPS_PROXY / HTTP_PROXY with NO_PROXY from the environment, through undici's
 * EnvHttpProxyAgent. Undefined when neither applies: plain fetch then.
 */
export function createProxyFetch(policyProxy: ProxyConfig | undefined, env: NodeJS.ProcessEnv = process.env): HttpFetch | undefined {
  let dispatcher: Dispatcher;
  if (policyProxy) {
    dispatcher = new EnvHttpProxyAgent({
      httpProxy: policyProxy.url,
      httpsProxy: policyProxy.url,
      noProxy: (policyProxy.noProxy ?? []).join(','),
    });
  } else if (proxyVariables.some((name) => env[name])) {
    dispatcher = new EnvHttpProxyAgent();
  } else {
    return undefined;
  }
  return (input, init) => undiciFetch(input, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
}
