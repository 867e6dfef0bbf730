import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { keepingStatements } from '../src/sqlite-statements.js';

interface Tables {
  notes: { id: Generated<number>; text: string };
}

/** An in-memory database whose prepare() calls are counted. */
function counted() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const prepared: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((text: string) => {
    prepared.push(text);
    return prepare(text);
  }) as typeof sqlite.prepare;
  return { sqlite, prepared };
}

describe('SQLite statements kept for Kysely', () => {
  it('prepares a query once, however often it runs', async () => {
    const { sqlite, prepared } = counted();
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite) }) });
    for (let i = 0; i < 5; i++) await db.insertInto('notes').values({ text: `note ${i}` }).execute();
    for (let i = 0; i < 5; i++) assert.equal((await db.selectFrom('notes').selectAll().where('id', '=', i + 1).executeTakeFirst())?.text, `note ${i}`);
    assert.equal(prepared.length, 2, prepared.join('\n'));
    await db.destroy();
  });

  it('hands out another statement while the kept one still steps through its rows', () => {
    const { sqlite } = counted();
    for (let i = 0; i < 3; i++) sqlite.prepare('INSERT INTO notes (text) VALUES (?)').run(`note ${i}`);
    const statements = keepingStatements(sqlite);
    const text = 'SELECT text FROM notes ORDER BY id';
    const streaming = statements.prepare(text).iterate([]);
    assert.deepEqual(streaming.next().value, { text: 'note 0' });
    // better-sqlite3 refuses to run a statement that is mid-iteration ("This statement is busy executing a query").
    assert.deepEqual(statements.prepare(text).all([]), [{ text: 'note 0' }, { text: 'note 1' }, { text: 'note 2' }]);
    assert.deepEqual([...streaming], [{ text: 'note 1' }, { text: 'note 2' }]);
    sqlite.close();
  });

  it('keeps at most `limit` statements, dropping the least recently used', async () => {
    const { sqlite, prepared } = counted();
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: keepingStatements(sqlite, 2) }) });
    const select = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
    await select(1);
    await select(2);
    await select(1); // kept, and now the most recently used
    await select(3); // drops 2
    await select(1); // still kept
    await select(2); // prepared again
    assert.deepEqual(prepared.map((text) => /select (\d)/.exec(text)?.[1]), ['1', '2', '3', '2']);
    await db.destroy();
  });
});
