import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { Config } from './config.js';
import { openDatabase, ping, readMeta, type Database_ } from './db.js';
import { Authenticator } from './auth.js';
import { EventBus } from './events.js';
import { Outbox } from './outbox.js';
import { PostLimiter } from './limits.js';
import { AddressHasher, installAddressHashing } from './privacy.js';
import { installGracefulClose } from './shutdown.js';
import { ListingCache } from './cache.js';
import { answerClientError, ApiError, errorSchema, installErrorHandling } from './errors.js';
import { commentPageSchema, commentSchema, typoReportSchema } from './schemas.js';
import { registerComments, type CachedPage } from './comments.js';
import { registerTypos, typoReceiptSchema } from './typos.js';
import { registerSse } from './sse.js';
import { registerSite } from './demo.js';
import { installHostCheck } from './hosts.js';
import { installOriginPolicy } from './origins.js';
import { loggerOptions } from './logging.js';
import { Metrics, registerMetrics } from './metrics.js';
import type { Ctx } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    inkwell: Ctx;
  }
}

const VERSION = '0.1.0';
/** A database that hangs is as unready as one that refuses. */
const READY_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Builds the whole server (database opened and migrated, routes registered); does not listen. */
export async function buildServer(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
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
    // (60 s by default) is the longer. Event streams are exempt (sse.ts).
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.connectionTimeoutMs,
    http: { connectionsCheckingInterval: 1000, headersTimeout: Math.min(60_000, config.requestTimeoutMs || 60_000) },
    clientErrorHandler: answerClientError,
    // Thread ids may be URLs; percent-encoded they exceed the router's default of 100 characters.
    routerOptions: { maxParamLength: 2048 },
    ajv: { customOptions: { allErrors: false } },
  });
  installErrorHandling(app);
  installGracefulClose(app);
  installHostCheck(app, config);

  if (config.devSecret) {
    app.log.warn('INKWELL_JWT_SECRET is not set: using the built-in development secret (development mode only)');
  }

  let database: Database_;
  try {
    database = await openDatabase(config);
  } catch (err) {
    await app.close();
    throw err;
  }
  const events = new EventBus(database, app.log);
  await events.start();
  const addresses = new AddressHasher(await readMeta(database.db, 'address_key'));
  installAddressHashing(app, addresses);
  const outbox = new Outbox(database, config, app.log);
  const ctx: Ctx = {
    config,
    database,
    db: database.db,
    auth: new Authenticator(config, await readMeta(database.db, 'author_id_key')),
    events,
    outbox,
    addresses,
    postLimiter: new PostLimiter(database.db, config.postLimitWindowSeconds * 1000),
    listingCache: new ListingCache<CachedPage>(config.listingCacheMs, config.listingCacheBytes, (cached) => cached.body.length),
    metrics: new Metrics(database.pool),
  };
  ctx.metrics.setOutboxStats(() => outbox.stats());
  events.onChange((thread) => (thread === null ? ctx.listingCache.clear() : ctx.listingCache.invalidate(thread)));
  app.decorate('inkwell', ctx);
  outbox.start();

  const cleanup = async () => {
    const dayAgo = Date.now() - 86_400_000;
    await events.prune(database.db);
    await database.db.deleteFrom('idempotency_keys').where('created_at', '<', dayAgo).execute();
    await ctx.postLimiter.prune();
    await outbox.prune();
  };
  const cleanupTimer = setInterval(() => cleanup().catch((err) => app.log.warn({ err }, 'cleanup failed')), 3_600_000);
  cleanupTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(cleanupTimer);
    await outbox.close();
    await events.close();
    await database.close();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Inkwell API',
        version: VERSION,
        description: 'Comments and typo reports for Inkwell\'s web components. Errors are `{"error": {"code", "message", "field"?}}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A JWT signed by the host site: sub, name, optional picture and role (moderator, admin), aud, exp.' },
        },
      },
    },
    hideUntagged: true,
    refResolver: { buildLocalReference: (json, _base, _frag, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  for (const s of [errorSchema, commentSchema, commentPageSchema, typoReportSchema, typoReceiptSchema]) app.addSchema(s);

  await app.register(cors, {
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'inkwell-client', 'if-none-match', 'last-event-id'],
    exposedHeaders: ['etag', 'location', 'retry-after', 'idempotency-replayed'],
    maxAge: 600,
  });

  installOriginPolicy(app, config);

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.addressHash,
  });

  const health = {
    type: 'object',
    required: ['status', 'database', 'version'],
    properties: { status: { type: 'string' }, database: { type: 'string' }, version: { type: 'string' } },
  };
  app.get('/v1/health', {
    config: { anyHost: true },
    schema: {
      tags: ['operations'],
      summary: 'Liveness: the process answers (the database is not asked)',
      response: { 200: health },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', database: database.dialect, version: VERSION };
  });

  app.get('/v1/health/ready', {
    config: { anyHost: true },
    schema: {
      tags: ['operations'],
      summary: 'Readiness: the database answers',
      response: { 200: health, 503: { $ref: 'Error#' } },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await withTimeout(ping(database.db), READY_TIMEOUT_MS);
    } catch {
      throw new ApiError(503, 'database_unavailable', 'The database does not answer');
    }
    return { status: 'ready', database: database.dialect, version: VERSION };
  });

  registerMetrics(app, config, ctx.metrics);
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerComments(app, ctx);
  registerTypos(app, ctx);
  registerSse(app, ctx);
  await registerSite(app, ctx);
  return app;
}
