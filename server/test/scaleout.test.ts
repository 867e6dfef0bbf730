import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { call, dropSchema, PG_SKIP, PG_URL, pgReachable, randomSchema, sleep, spawnServers, SseClient, startServer, token } from './helpers.js';
import { openDatabase } from '../src/db.js';
import { loadConfig } from '../src/config.js';

const reachable = await pgReachable();
if (!reachable) console.log(`# ${PG_SKIP}`);

describe('two server processes on one PostgreSQL', { skip: reachable ? false : PG_SKIP }, () => {
  const schema = randomSchema();
  const children: ChildProcess[] = [];
  let a: string;
  let b: string;
  before(async () => {
    const env = { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema };
    // Started together: both run the migrations at once, which Kysely's migration lock serialises.
    const [na, nb] = await spawnServers(2, env);
    children.push(na.child, nb.child);
    a = na.url;
    b = nb.url;
  });
  after(async () => {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await dropSchema(schema);
  });

  it('delivers a comment posted on node A as an event to a reader on node B', async () => {
    assert.notEqual(a, b);
    const sse = await SseClient.open(`${b}/v1/threads/shared/events`);
    try {
      await sleep(100);
      const t = await token({ sub: 'alice', name: 'Alice' });
      const p = await call(a, 'POST', '/v1/threads/shared/comments', { token: t, body: { body: 'posted on A' } });
      assert.equal(p.status, 201);
      const e = await sse.waitFor((x) => x.event === 'comment-created', 5000);
      assert.equal(JSON.parse(e.data).id, p.json.id);
      assert.equal(JSON.parse(e.data).body, 'posted on A');
      // Both nodes answer from the same data, and derive the same author id.
      const fromB = await call(b, 'GET', '/v1/threads/shared/comments', { token: t });
      assert.equal(fromB.json.comments[0].id, p.json.id);
      assert.equal(fromB.json.comments[0].own, true);
      // Node A's anonymous-listing cache is invalidated by B's writes through NOTIFY.
      const before = await call(a, 'GET', '/v1/threads/shared/comments');
      assert.equal(before.json.total, 1);
      const q = await call(b, 'POST', '/v1/threads/shared/comments', { token: t, body: { body: 'posted on B' } });
      assert.equal(q.status, 201);
      let seen = 0;
      for (let i = 0; i < 50 && seen !== 2; i++) {
        seen = (await call(a, 'GET', '/v1/threads/shared/comments')).json.total;
        if (seen !== 2) await sleep(20);
      }
      assert.equal(seen, 2, 'node A lists the comment posted on node B');
      // A deletion on B reaches a reader on A.
      const sseA = await SseClient.open(`${a}/v1/threads/shared/events`);
      try {
        await sleep(100);
        assert.equal((await call(b, 'DELETE', `/v1/comments/${p.json.id}`, { token: t })).status, 204);
        const d = await sseA.waitFor((x) => x.event === 'comment-deleted', 5000);
        assert.equal(JSON.parse(d.data).id, p.json.id);
      } finally {
        sseA.close();
      }
    } finally {
      sse.close();
    }
  });
});

describe('LISTEN connection loss', { skip: reachable ? false : PG_SKIP }, () => {
  it('reconnects and keeps delivering events after PostgreSQL drops the LISTEN session', async () => {
    const s = await startServer('postgres');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      const schema = s.config.databaseSchema!;
      const { rows } = await admin.query(`select pid from pg_stat_activity where query = $1`, [`LISTEN inkwell_events_${schema}`]);
      assert.equal(rows.length, 1, 'one LISTEN session');
      await admin.query('select pg_terminate_backend($1)', [rows[0].pid]);
      let back = false;
      for (let i = 0; i < 50 && !back; i++) {
        await sleep(100);
        const r = await admin.query(`select pid from pg_stat_activity where query = $1`, [`LISTEN inkwell_events_${schema}`]);
        back = r.rows.length === 1 && r.rows[0].pid !== rows[0].pid;
      }
      assert.ok(back, 'the LISTEN session came back');
      const sse = await SseClient.open(`${s.url}/v1/threads/relisten/events`);
      try {
        await sleep(50);
        const t = await token();
        const p = await call(s.url, 'POST', '/v1/threads/relisten/comments', { token: t, body: { body: 'after the drop' } });
        const e = await sse.waitFor((x) => x.event === 'comment-created');
        assert.equal(JSON.parse(e.data).id, p.json.id);
      } finally {
        sse.close();
      }
    } finally {
      await admin.end();
      await s.close();
    }
  });
});

describe('processes starting together on a new PostgreSQL schema', { skip: reachable ? false : PG_SKIP }, () => {
  it('all open it: the schema created by one is not an error for the others', async () => {
    // Several connections at once, as two processes started together (CREATE SCHEMA IF NOT EXISTS is not atomic).
    for (let round = 0; round < 3; round++) {
      const schema = randomSchema();
      const config = loadConfig({ INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema }, []);
      try {
        const opened = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase(config)));
        for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
        assert.deepEqual(opened.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)), []);
      } finally {
        await dropSchema(schema);
      }
    }
  });
});
