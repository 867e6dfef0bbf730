import { sql, type Kysely } from 'kysely';
import type { DB } from './db.js';
import { CompiledQueries } from './compiled-queries.js';

/**
 * Fixed-window post counters in the database (`post_limits`), so a limit holds across every server
 * process on one database and across restarts. Keys are already hashed (author ids, address hashes).
 */
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
    const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
    const values = limits.map(({ key }) => ({ key, window_start: windowStart, count: 1 }));
    const upsert = this.upserts.for(`${limits.length} keys`, values.flatMap((v) => [v.key, v.window_start, v.count]), () => this.db
      .insertInto('post_limits')
      .values(values)
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`post_limits.count + 1` }))
      .returning(['key', 'count'])
      .compile());
    const { rows } = await this.db.executeQuery(upsert);
    const over = rows.some((r) => Number(r.count) > limits.find((l) => l.key === r.key)!.max);
    return over ? Math.max(1, Math.ceil((windowStart + this.windowMs - now) / 1000)) : 0;
  }

  /** Drops finished windows (run by the hourly cleanup). */
  async prune(now = Date.now()): Promise<void> {
    await this.db.deleteFrom('post_limits').where('window_start', '<', now - this.windowMs).execute();
  }
}
