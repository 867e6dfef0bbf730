import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { ApiError } from './errors.js';

/** Enough for every site a real deployment embeds on; beyond it, a flood of made-up origins costs no memory. */
const REMEMBERED_ORIGINS = 1000;

/** Whether a browser page on `origin` may call the API: a configured origin, or the server's own. */
export function originAllowed(config: Config, request: FastifyRequest, origin: string): boolean {
  if (config.corsOrigins.includes(origin) || origin === config.publicOrigin) return true;
  // Without a public URL (development) the server's origin is what the request itself names.
  return (!config.publicOrigin || config.mode === 'development') && origin === `${request.protocol}://${request.host}`;
}

/**
 * Says once per origin that its pages are refused, with the setting that lets them in: otherwise
 * the site owner sees only the browser's CORS errors, and only in the reader's console.
 */
export class RefusedOrigins {
  private readonly seen = new Set<string>();

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly configured: string[],
  ) {}

  note(origin: string) {
    if (this.seen.has(origin) || this.seen.size > REMEMBERED_ORIGINS) return;
    this.seen.add(origin);
    if (this.seen.size > REMEMBERED_ORIGINS) {
      this.log.warn(`more than ${REMEMBERED_ORIGINS} origins refused; no more are logged until restart`);
      return;
    }
    const shown = origin.slice(0, 200);
    const fix = [...this.configured, shown].join(',');
    if (origin === 'null') {
      this.log.warn({ origin }, 'refused browser requests from a page without an origin (a file:// page or a sandboxed frame): serve the page over http(s) from an origin in INKWELL_CORS_ORIGINS');
    } else {
      this.log.warn({ origin: shown }, `refused browser requests from ${JSON.stringify(shown)}, which is not in INKWELL_CORS_ORIGINS; to embed Inkwell on that site, start the server with INKWELL_CORS_ORIGINS=${fix}`);
    }
  }
}

/**
 * The origin policy beside @fastify/cors: cross-origin reads from other origins get no CORS headers
 * (the browser hides the answer), and writes from them are refused outright, so a guest post or typo
 * report cannot be made from another site's page even as a "simple" request. Each refused origin is
 * logged once.
 */
export function installOriginPolicy(app: FastifyInstance, config: Config) {
  const refused = new RefusedOrigins(app.log, config.corsOrigins);
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (!origin || originAllowed(config, request, origin)) return;
    refused.note(origin);
    if (!request.url.startsWith('/v1/') || request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    throw new ApiError(403, 'origin_not_allowed', `Requests from ${origin} are not allowed (INKWELL_CORS_ORIGINS)`);
  });
}
