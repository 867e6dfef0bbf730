import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { ApiError } from './http/errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answer whatever the Host header says: probes and scrapers address a node by its IP. */
    anyHost?: boolean;
  }
}

const LOOPBACK_NAME = /^(?:localhost|[a-z0-9.-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** `host[:port]` lower-cased, with the scheme's default port dropped, so `a.example:443` equals `a.example`. */
function normalise(host: string, defaultPort: string): { name: string; hostPort: string } {
  const lower = host.toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(lower);
  const name = m?.[1] ?? lower;
  const port = m?.[2];
  return { name, hostPort: port && port !== defaultPort ? `${name}:${port}` : name };
}

/**
 * Whether a request's Host names this server. A page on another name that resolves to us (DNS
 * rebinding) must not reach the API: production answers only to INKWELL_PUBLIC_URL's host; development
 * also to loopback names on any port.
 */
export function hostChecker(config: Config): (host: string) => boolean {
  const publicUrl = config.publicOrigin ? new URL(config.publicOrigin) : null;
  const defaultPort = publicUrl?.protocol === 'https:' ? '443' : '80';
  return (host) => {
    if (!host) return false;
    const { name, hostPort } = normalise(host, defaultPort);
    if (publicUrl && hostPort === publicUrl.host) return true;
    return config.mode === 'development' && LOOPBACK_NAME.test(name);
  };
}

export function installHostCheck(app: FastifyInstance, config: Config) {
  const allowed = hostChecker(config);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.anyHost) return;
    const host = request.host ?? '';
    if (allowed(host)) return;
    const shown = JSON.stringify(host.slice(0, 100));
    throw new ApiError(421, 'host_not_allowed', `This server does not answer for host ${shown} (INKWELL_PUBLIC_URL)`);
  });
}
