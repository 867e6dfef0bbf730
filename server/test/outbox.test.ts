import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import pg from 'pg';
import { call, dropSchema, kinds, PG_URL, randomSchema, sleep, spawnServer, spawnServers, startServer, token } from './helpers.js';

const SECRET = 'outbox-webhook-secret';

interface Delivery { eventId: string; subject: string; attempt: number; signature: string; body: string }

/** A webhook receiver on a fixed port that can be down (nothing listening) and come up later. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  status = 204;
  holdMs = 0;
  private server: http.Server | null = null;

  private constructor(readonly port: number) {}

  static async onFreePort(): Promise<Receiver> {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as { port: number };
    await new Promise((r) => probe.close(r));
    return new Receiver(port);
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async up(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => setTimeout(() => {
        if (this.status < 300) {
          const payload = JSON.parse(body);
          this.deliveries.push({
            eventId: payload.id, subject: (payload.data.comment ?? payload.data.report).id,
            attempt: Number(req.headers['x-inkwell-attempt']), signature: String(req.headers['x-inkwell-signature']), body,
          });
        }
        res.writeHead(this.status).end();
      }, this.holdMs));
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', r));
  }

  async down(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }

  async waitForSubjects(subjects: string[], ms: number): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      const got = new Set(this.deliveries.map((d) => d.subject));
      const missing = subjects.filter((s) => !got.has(s));
      if (!missing.length) return;
      if (Date.now() > end) throw new Error(`${missing.length} of ${subjects.length} events never arrived`);
      await sleep(50);
    }
  }
}

function assertSigned(d: Delivery) {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(d.signature);
  assert.ok(m, `signature header: ${d.signature}`);
  const expected = createHmac('sha256', SECRET).update(`${m[1]}.${d.body}`).digest();
  assert.ok(timingSafeEqual(expected, Buffer.from(m[2]!, 'hex')), 'signature verifies');
}

const stop = (c: ChildProcess) => {
  if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  return new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
};

for (const { kind, skip } of await kinds()) {
  describe(`webhook outbox on ${kind}`, { skip }, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-outbox-'));
    const schema = randomSchema();
    const database: Record<string, string> = kind === 'sqlite' ? { INKWELL_DATA_DIR: dataDir } : { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema };
    after(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') await dropSchema(schema);
    });

    const outboxRows = async (): Promise<number> => {
      if (kind === 'sqlite') {
        const db = new Database(path.join(dataDir, 'inkwell.db'), { readonly: true });
        try {
          return (db.prepare('select count(*) as n from outbox').get() as { n: number }).n;
        } finally {
          db.close();
        }
      }
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        return Number((await c.query(`select count(*) as n from "${schema}".outbox`)).rows[0].n);
      } finally {
        await c.end();
      }
    };

    it('delivers every event once, signed, after kill -9 while the receiver was down', { timeout: 90_000 }, async () => {
      const receiver = await Receiver.onFreePort();
      const env = {
        ...database, INKWELL_GUESTS: 'on',
        INKWELL_WEBHOOK_URL: receiver.url, INKWELL_WEBHOOK_SECRET: SECRET,
        INKWELL_WEBHOOK_BACKOFF_MS: '200', INKWELL_WEBHOOK_RETRIES: '50',
      };
      const first = await spawnServer(env);
      const subjects: string[] = [];
      try {
        for (let i = 0; i < 8; i++) {
          const p = await call(first.url, 'POST', '/v1/threads/outbox/comments', { token: await token({ sub: `writer${i}` }), body: { body: `event ${i}` } });
          assert.equal(p.status, 201);
          subjects.push(p.json.id);
        }
        const g = await call(first.url, 'POST', '/v1/threads/outbox/comments', { body: { body: 'a guest', author: { name: 'Gus', email: 'gus@example.com' } } });
        subjects.push(g.json.id);
        for (const selection of ['teh', 'recieve']) {
          const r = await call(first.url, 'POST', '/v1/typo-reports', {
            body: { url: 'https://o.example/a', selection, prefix: 'x ', suffix: ' y', fragment: 'https://o.example/a#:~:text=' + selection },
          });
          assert.equal(r.status, 201);
          subjects.push(r.json.id);
        }
        await sleep(700); // a few failed attempts each
      } finally {
        first.child.kill('SIGKILL');
        await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(null) : first.child.once('exit', r)));
      }
      assert.equal(receiver.deliveries.length, 0);
      const waiting = await outboxRows().catch(() => 0);

      const second = await spawnServer(env);
      try {
        await receiver.up();
        // A row the killed process held mid-attempt waits for its lease (30 s) to run out.
        await receiver.waitForSubjects(subjects, 60_000);
        await sleep(500);
      } finally {
        await stop(second.child);
        await receiver.down();
      }
      assert.equal(waiting, subjects.length, 'every event waited in the outbox');
      const ids = receiver.deliveries.map((d) => d.eventId);
      assert.equal(ids.length, subjects.length, `deliveries ${ids.length} for ${subjects.length} events`);
      assert.equal(new Set(ids).size, ids.length, 'no event arrived twice');
      for (const d of receiver.deliveries) {
        assertSigned(d);
        assert.ok(!d.body.includes('gus@example.com'));
      }
      assert.ok(receiver.deliveries.every((d) => d.attempt >= 2), 'the attempts before the crash count');
      assert.equal(await outboxRows(), 0, 'delivered events leave the outbox');
    });
  });

  describe(`webhook outbox dead letters on ${kind}`, { skip }, () => {
    it('keeps an event given up after the last retry, visible in the table and in stats', async () => {
      const receiver = await Receiver.onFreePort();
      receiver.status = 500;
      await receiver.up();
      const s = await startServer(kind, { INKWELL_WEBHOOK_URL: receiver.url, INKWELL_WEBHOOK_RETRIES: '3', INKWELL_WEBHOOK_BACKOFF_MS: '150' });
      let attempts = 0;
      try {
        const before = await s.app.inkwell.outbox.stats();
        assert.deepEqual(before, { depth: 0, oldestAgeSeconds: 0, dead: 0 });
        const p = await call(s.url, 'POST', '/v1/threads/dead/comments', { token: await token(), body: { body: 'nobody hears this' } });
        assert.equal(p.status, 201);
        await sleep(100);
        const waiting = await s.app.inkwell.outbox.stats();
        assert.equal(waiting.depth, 1);
        assert.ok(waiting.oldestAgeSeconds > 0 && waiting.oldestAgeSeconds < 5, `age ${waiting.oldestAgeSeconds}`);
        for (let i = 0; i < 100; i++) {
          const row = await s.app.inkwell.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
          attempts = Number(row.attempts);
          if (row.status === 'dead') break;
          await sleep(50);
        }
        await sleep(600); // no fourth attempt
        const row = await s.app.inkwell.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([row.status, Number(row.attempts), row.last_error, row.lease], ['dead', 3, 'HTTP 500', null]);
        assert.equal(attempts, 3);
        assert.equal(JSON.parse(row.payload).data.comment.id, p.json.id);
        assert.deepEqual(await s.app.inkwell.outbox.stats(), { depth: 0, oldestAgeSeconds: 0, dead: 1 });
        // Pruned only after DEAD_LETTER_MS.
        await s.app.inkwell.outbox.prune();
        assert.equal((await s.app.inkwell.outbox.stats()).dead, 1);
        await s.app.inkwell.outbox.prune(Date.now() + 8 * 86_400_000);
        assert.equal((await s.app.inkwell.outbox.stats()).dead, 0);
      } finally {
        await s.close();
        await receiver.down();
      }
    });
  });
}

const pgKind = (await kinds()).find((k) => k.kind === 'postgres')!;
describe('webhook outbox with two live processes on one PostgreSQL', { skip: pgKind.skip }, () => {
  it('delivers each event once although both processes poll the same table', { timeout: 60_000 }, async () => {
    const receiver = await Receiver.onFreePort();
    receiver.holdMs = 150;
    await receiver.up();
    const schema = randomSchema();
    const env = { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema, INKWELL_WEBHOOK_URL: receiver.url, INKWELL_WEBHOOK_SECRET: SECRET };
    const nodes = await spawnServers(2, env).catch(async (err) => {
      await receiver.down(); // left listening, it keeps the run from ending
      throw err;
    });
    try {
      const subjects = await Promise.all(Array.from({ length: 24 }, async (_, i) => {
        const p = await call(nodes[i % 2]!.url, 'POST', '/v1/threads/both/comments', { token: await token({ sub: `both${i}` }), body: { body: `both ${i}` } });
        assert.equal(p.status, 201);
        return p.json.id as string;
      }));
      await receiver.waitForSubjects(subjects, 30_000);
      await sleep(1500); // both processes poll again
      const ids = receiver.deliveries.map((d) => d.eventId);
      assert.equal(ids.length, subjects.length);
      assert.equal(new Set(ids).size, ids.length, 'no event delivered twice');
      for (const d of receiver.deliveries) assertSigned(d);
    } finally {
      await Promise.all(nodes.map((n) => stop(n.child)));
      await receiver.down();
      await dropSchema(schema);
    }
  });
});
