import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * better-sqlite3 for Kysely, with its prepared statements kept by their SQL: Kysely prepares every query anew,
 * which took about a tenth of a post's CPU (a post runs a dozen small queries). A statement still stepping
 * through a streamed result (`busy`) is not handed out again; another is prepared beside it. The least
 * recently used go past `limit`, so queries built with varying lists cannot grow the cache without end.
 */
export function keepingStatements(sqlite: Database.Database, limit = 256): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = kept.get(text);
      if (statement && !statement.busy) {
        kept.delete(text);
      } else {
        statement = sqlite.prepare(text);
      }
      kept.set(text, statement);
      if (kept.size > limit) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}
