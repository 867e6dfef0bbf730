import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type pg from 'pg';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import { ApiError } from './http/errors.js';

export interface OutboxStats {
  depth: number;
  oldestAgeSeconds: number;
}

/**
 * Prometheus metrics of one server instance. Each server has its own Registry (tests build many
 * servers in one process). Requests are labelled by route pattern, never by raw URL, so thread ids
 * cannot multiply the series.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'inkwell_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'inkwell_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method, route pattern and status (event streams excluded)',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly openStreams = new Gauge({
    name: 'inkwell_event_streams_open',
    help: 'Server-sent event streams open now',
    registers: [this.registry],
  });
  /** Registered once an outbox provides its figures (setOutboxStats); absent before, rather than a made-up 0. */
  readonly outboxDepth = new Gauge({
    name: 'inkwell_outbox_depth',
    help: 'Webhook deliveries waiting in the outbox',
    registers: [],
  });
  readonly outboxOldestAge = new Gauge({
    name: 'inkwell_outbox_oldest_age_seconds',
    help: 'Age of the oldest delivery waiting in the outbox, in seconds',
    registers: [],
  });
  private outboxStats: (() => Promise<OutboxStats>) | null = null;
  private readonly streams = new WeakSet<FastifyRequest>();

  /** `pool`: PostgreSQL's connection pool. SQLite has one synchronous connection and no pool to report. */
  constructor(pool?: pg.Pool) {
    if (pool) {
      const poolGauge = (name: string, help: string, read: () => number) => new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
      poolGauge('inkwell_db_pool_connections', 'PostgreSQL connections in the pool, busy or idle', () => pool.totalCount);
      poolGauge('inkwell_db_pool_idle_connections', 'PostgreSQL connections in the pool that are idle', () => pool.idleCount);
      poolGauge('inkwell_db_pool_waiting_queries', 'Queries waiting for a free PostgreSQL connection', () => pool.waitingCount);
      poolGauge('inkwell_db_pool_max_connections', 'Most PostgreSQL connections the pool opens', () => pool.options.max);
    }
  }

  /** Wires the outbox's figures into `inkwell_outbox_depth` and `inkwell_outbox_oldest_age_seconds`. */
  setOutboxStats(stats: () => Promise<OutboxStats>) {
    if (!this.outboxStats) {
      this.registry.registerMetric(this.outboxDepth);
      this.registry.registerMetric(this.outboxOldestAge);
    }
    this.outboxStats = stats;
  }

  /** Counts an event stream as open; the returned function counts it closed (once, however often called). */
  streamOpened(request: FastifyRequest): () => void {
    this.streams.add(request);
    this.openStreams.inc();
    let open = true;
    return () => {
      if (open) this.openStreams.dec();
      open = false;
    };
  }

  /** An event stream's "duration" is its whole life, which says nothing about latency. */
  isStream(request: FastifyRequest): boolean {
    return this.streams.has(request);
  }

  /** The exposition text. The outbox is asked once per scrape, here, so both of its gauges agree. */
  async render(): Promise<string> {
    if (this.outboxStats) {
      const { depth, oldestAgeSeconds } = await this.outboxStats();
      this.outboxDepth.set(depth);
      this.outboxOldestAge.set(oldestAgeSeconds);
    }
    return this.registry.metrics();
  }
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Request metrics for every route, and `GET /metrics` behind INKWELL_METRICS_TOKEN (no route at all without one). */
export function registerMetrics(app: FastifyInstance, config: Config, metrics: Metrics) {
  const token = config.metricsToken;
  if (!token) return;
  collectDefaultMetrics({ register: metrics.registry });

  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    metrics.requests.inc(labels);
    if (!metrics.isStream(request)) metrics.duration.observe(labels, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true }, config: { anyHost: true } }, async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match || !sameSecret(match[1]!, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new ApiError(401, 'auth_required', 'Metrics need "Authorization: Bearer <INKWELL_METRICS_TOKEN>"');
    }
    const text = await metrics.render();
    reply.header('cache-control', 'no-store');
    return reply.type(metrics.registry.contentType).send(text);
  });
}
