import { sql, type Kysely } from 'kysely';
import type { DB } from './db.js';
import { CompiledQueries } from './compiled-queries.js';

/**
 * Fixed-window post counters in the database (`post_limits`), so a limit holds across every server
 * process on one database and across restarts. Keys are already hashed (author ids, address hashes).
 */
/** A limit's count in the current window, as the upsert answers it. */
export interface Hit {
  key: string;
  count: number | string;
}

export class PostLimiter {
  private readonly upserts = new CompiledQueries();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly windowMs: number,
  ) {}

  /**
   * Counts one hit for each key in one atomic statement; returns the seconds to wait when any key is
   * over its `max`, else 0.
   */
  async hit(limits: Array<{ key: string; max: number }>, now = Date.now()): Promise<number> {
    const windowStart = this.windowStart(now);
    const values = limits.map(({ key }) => ({ key, window_start: windowStart, count: 1 }));
    const upsert = this.upserts.for(`${limits.length} keys`, values.flatMap((v) => [v.key, v.window_start, v.count]), () => this.db
      .insertInto('post_limits')
      .values(values)
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`post_limits.count + 1` }))
      .returning(['key', 'count'])
      .compile());
    const { rows } = await this.db.executeQuery(upsert);
    return this.waitAfter(limits, rows, now);
  }

  /** The start of the window `now` falls in: the `window_start` of its counters. */
  windowStart(now: number): number {
    return Math.floor(now / this.windowMs) * this.windowMs;
  }

  /** `hit`'s answer for hits counted elsewhere (in a statement that also read other things). */
  waitAfter(limits: Array<{ key: string; max: number }>, hits: Hit[], now: number): number {
    const over = hits.some((r) => Number(r.count) > limits.find((l) => l.key === r.key)!.max);
    return over ? Math.max(1, Math.ceil((this.windowStart(now) + this.windowMs - now) / 1000)) : 0;
  }

  /** Drops finished windows (run by the hourly cleanup). */
  async prune(now = Date.now()): Promise<void> {
    await this.db.deleteFrom('post_limits').where('window_start', '<', now - this.windowMs).execute();
  }
}
