import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import { installGracefulClose } from './shutdown.js';
import { answerClientError, installErrorHandling } from './http/errors.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installViewer } from './http/viewer.js';
import { openServices } from './services.js';
import { registerOpenApi } from './operations/openapi.js';
import { operationRoutes } from './operations/routes.js';
import { commentRoutes } from './comments/routes.js';
import { typoReportRoutes } from './typo-reports/routes.js';
import { eventRoutes } from './events/routes.js';
import { reactionRoutes } from './reactions/routes.js';
import { banRoutes } from './bans/routes.js';
import { threadRoutes } from './threads/routes.js';
import { registerSite } from './demo.js';
import { installHostCheck } from './hosts.js';
import { installOriginPolicy } from './http/origins.js';
import { loggerOptions } from './logging.js';
import { registerMetrics } from './metrics.js';
import { mailRoutes } from './notifications/routes.js';

/** The API: one plugin per resource, all under /v1. */
const v1: FastifyPluginAsyncTypebox = async (api) => {
  await api.register(operationRoutes);
  await api.register(commentRoutes);
  await api.register(typoReportRoutes);
  await api.register(reactionRoutes);
  await api.register(eventRoutes);
  await api.register(banRoutes);
  await api.register(threadRoutes);
};

function createApp(config: Config): FastifyInstance {
  return Fastify({
    logger: loggerOptions(config),
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    // Closing waits for no idle keep-alive sockets (SSE streams are ended in a preClose hook).
    forceCloseConnections: 'idle',
    // shutdown.ts answers requests that arrive while closing, in the API's error format.
    return503OnClosing: false,
    // A request (headers and body) must arrive within requestTimeout, so one trickled byte by byte is
    // cut off; connectionTimeout closes sockets that stay silent. Node checks for expired requests
    // every connectionsCheckingInterval (30 s by default), and swaps the two limits when headersTimeout
    // (60 s by default) is the longer. Event streams are exempt (events/stream.ts).
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    http: { connectionsCheckingInterval: 1000, headersTimeout: Math.min(60_000, config.requestTimeoutMs || 60_000) },
    clientErrorHandler: answerClientError,
    // Thread ids may be URLs; percent-encoded they exceed the router's default of 100 characters.
    routerOptions: { maxParamLength: 2048 },
    ajv: { customOptions: { allErrors: false } },
  });
}

/** CORS for the configured origins, cross-site writes refused from any other, and the global request rate limit. */
async function installCrossOrigin(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(cors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'inkwell-client', 'if-none-match', 'last-event-id'],
    exposedHeaders: ['etag', 'location', 'retry-after', 'idempotency-replayed'],
    maxAge: 600,
  });

  installOriginPolicy(app, config);

}

/** Builds the whole server (database opened and migrated, routes registered); does not listen. */
export async function buildServer(config: Config): Promise<FastifyInstance> {
  const app = createApp(config);
  installErrorHandling(app);
  installGracefulClose(app);
  installHostCheck(app, config);
  installSecurityHeaders(app);
  installViewer(app);

  if (config.devSecret) {
    app.log.warn('INKWELL_JWT_SECRET is not set: using the built-in development secret (development mode only)');
  }
  const ctx = await openServices(app, config);

  await registerOpenApi(app);
  await installCrossOrigin(app, config);
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.addressHash,
  });

  registerMetrics(app, config, ctx.metrics);
  await app.register(v1, { prefix: '/v1' });
  await app.register(mailRoutes);
  await registerSite(app, ctx);
  return app;
}
