import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { CompiledQueries } from '../src/compiled-queries.js';

interface Tables { t: { a: string; b: number } }

const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe('CompiledQueries', () => {
  it('compiles a shape once and runs its SQL with each call\'s parameters', () => {
    const queries = new CompiledQueries();
    let compiles = 0;
    const insert = (a: string, b: number) => queries.for('one row', [a, b], () => (compiles++, db.insertInto('t').values({ a, b }).compile()));
    const first = insert('x', 1);
    const second = insert('y', 2);
    assert.equal(compiles, 1);
    assert.equal(second.sql, first.sql);
    assert.deepEqual(first.parameters, ['x', 1]);
    assert.deepEqual(second.parameters, ['y', 2]);
  });

  it('refuses parameters in another order than the compiled query binds them', () => {
    const queries = new CompiledQueries();
    assert.throws(() => queries.for('one row', [1, 'x'], () => db.insertInto('t').values({ a: 'x', b: 1 }).compile()), /another order/);
  });
});
