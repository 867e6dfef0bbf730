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
import { Mailer } from './mail/mailer.js';
import { MailLinks } from './notifications/links.js';
import { Notifier } from './notifications/notifier.js';

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
  const outbox = new Outbox(database, config, app.log, Mailer.enabled(config) ? new Mailer(config) : null);
  const links = new MailLinks(await readMeta(database.db, 'mail_link_key'), () => config.publicOrigin ?? listeningOrigin(app));
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
    notifier: new Notifier(database, config, outbox, links, app.log),
  };
  ctx.metrics.setOutboxStats(() => outbox.stats());
  events.onChange((thread) => (thread === null ? ctx.listingCache.clear() : ctx.listingCache.invalidate(thread)));
  app.decorate('inkwell', ctx);
  outbox.start();
  ctx.notifier.start();
  if (config.mailLog) app.log.info(`no INKWELL_SMTP_URL: notification e-mails are written to ${config.mailLog}`);
  scheduleCleanup(app, ctx);
  return ctx;
}

/** Without INKWELL_PUBLIC_URL (development), links in mails point at the address the server listens on. */
function listeningOrigin(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') return 'http://localhost';
  const host = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
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
    await ctx.notifier.close();
    await outbox.close();
    await events.close();
    await database.close();
  });
}
