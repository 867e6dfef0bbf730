import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB, Database_ } from './db.js';
import type { Authenticator } from './auth.js';
import type { EventBus } from './events/bus.js';
import type { Outbox } from './outbox.js';
import type { PostLimiter } from './limits.js';
import type { AddressHasher } from './privacy.js';
import type { ListingCache } from './cache.js';
import type { CachedText } from './comments/views.js';
import type { Metrics } from './metrics.js';
import type { Notifier } from './notifications/notifier.js';

/** The services every route module gets, as `app.inkwell` (services.ts opens them). */
export interface Ctx {
  config: Config;
  database: Database_;
  db: Kysely<DB>;
  auth: Authenticator;
  events: EventBus;
  outbox: Outbox;
  addresses: AddressHasher;
  postLimiter: PostLimiter;
  listingCache: ListingCache<CachedText>;
  metrics: Metrics;
  notifier: Notifier;
}

declare module 'fastify' {
  interface FastifyInstance {
    inkwell: Ctx;
  }
}
