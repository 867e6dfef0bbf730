import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { openDatabase, readMeta, type Database_ } from './db.js';
import { Authenticator } from './auth.js';
import { EventBus } from './events/bus.js';
import { Outbox } from './outbox.js';
import { PostLimiter } from './limits.js';
import { AddressHasher, installAddressHashing } from './privacy.js';
import { ListingCache } from './cache.js';
import type { CachedText } from './comments/views.js';
import { Metrics } from './metrics.js';
import type { Ctx } from './context.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Opens the database (migrated) and the services on it, decorates `app.inkwell` with them, starts
 * the outbox and the hourly cleanup, and closes it all when the app closes.
 */
export async function openServices(app: FastifyInstance, config: Config): Promise<Ctx> {
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
    listingCache: new ListingCache<CachedText>(config.listingCacheMs, config.listingCacheBytes, (cached) => cached.body.length),
    metrics: new Metrics(database.pool),
  };
  ctx.metrics.setOutboxStats(() => outbox.stats());
  events.onChange((thread) => (thread === null ? ctx.listingCache.clear() : ctx.listingCache.invalidate(thread)));
  app.decorate('inkwell', ctx);
  outbox.start();
  scheduleCleanup(app, ctx);
  return ctx;
}

/** Hourly: old events, idempotency records and post counters, expired dead letters. Stops on close, then closes the services. */
function scheduleCleanup(app: FastifyInstance, ctx: Ctx): void {
  const { database, events, outbox } = ctx;
  const cleanup = async () => {
    await events.prune(database.db);
    await database.db.deleteFrom('idempotency_keys').where('created_at', '<', Date.now() - DAY_MS).execute();
    await ctx.postLimiter.prune();
    await outbox.prune();
  };
  const cleanupTimer = setInterval(() => cleanup().catch((err) => app.log.warn({ err }, 'cleanup failed')), HOUR_MS);
  cleanupTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(cleanupTimer);
    await outbox.close();
    await events.close();
    await database.close();
  });
}
