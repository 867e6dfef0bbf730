import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import { call, dropSchema, kinds, PG_URL, randomSchema, sleep, spawnServer, token } from './helpers.js';

interface Row { id: string }
interface OutboxRow { lease: string | null; next_attempt_at: number; payload: string }

/** Reads a whole event stream until the server ends it. */
async function readStream(url: string): Promise<string> {
  const res = await fetch(url, { headers: { accept: 'text/event-stream' } });
  assert.equal(res.status, 200);
  return res.text();
}

/** Starts a POST whose body arrives in two halves; `finish` sends the second and resolves with the answer. */
function slowPost(base: string, p: string, tokenValue: string, body: unknown) {
  const raw = JSON.stringify(body);
  const half = Math.floor(raw.length / 2);
  const started: { req?: http.ClientRequest } = {};
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(base + p, {
      method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw), authorization: `Bearer ${tokenValue}` },
    }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.write(raw.slice(0, half));
    started.req = req;
  });
  answer.catch(() => {}); // a request that is cut is awaited (or not) by the test
  return {
    finish() {
      started.req!.end(raw.slice(half));
      return answer;
    },
  };
}

for (const { kind, skip } of await kinds()) {
  describe(`SIGTERM on ${kind}`, { skip }, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-sigterm-'));
    const schema = randomSchema();
    after(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') await dropSchema(schema);
    });

    /** The comments and outbox rows as the database has them after the process is gone. */
    const readBack = async (): Promise<{ comments: Row[]; outbox: OutboxRow[] }> => {
      if (kind === 'sqlite') {
        const db = new Database(path.join(dataDir, 'inkwell.db'), { readonly: true });
        try {
          return { comments: db.prepare('select id from comments').all() as Row[], outbox: db.prepare('select * from outbox').all() as OutboxRow[] };
        } finally {
          db.close();
        }
      }
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        return {
          comments: (await c.query(`select id from "${schema}".comments`)).rows,
          outbox: (await c.query(`select * from "${schema}".outbox`)).rows.map((r) => ({ ...r, next_attempt_at: Number(r.next_attempt_at) })),
        };
      } finally {
        await c.end();
      }
    };

    it('finishes requests in flight, ends event streams with a retry hint, hands webhook deliveries back and exits 0 within 10 s, under write load', { timeout: 60_000 }, async () => {
      // A webhook receiver that never answers: deliveries are in flight when the signal comes.
      const hooked: http.ServerResponse[] = [];
      const receiver = http.createServer((_req, res) => hooked.push(res));
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      const server = await spawnServer({
        ...(kind === 'sqlite' ? { INKWELL_DATA_DIR: dataDir } : { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: schema }),
        INKWELL_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
        INKWELL_LOG_REQUESTS: 'off',
      });
      let stopped = false;
      const exited = new Promise<{ code: number | null; at: number }>((r) => server.child.once('exit', (code) => r({ code, at: Date.now() })));
      try {
        const stream = readStream(`${server.url}/v1/threads/term/events`);
        const acked: string[] = [];
        let signalled = false;
        const writer = async (w: number) => {
          const t = await token({ sub: `writer${w}` });
          for (let i = 0; ; i++) {
            let r;
            try {
              r = await call(server.url, 'POST', '/v1/threads/term/comments', { token: t, body: { body: `writer ${w} comment ${i}` } });
            } catch (err) {
              if (signalled || stopped) return; // connection refused or cut: not acknowledged
              throw err;
            }
            if (r.status === 201) acked.push(r.json.id);
            else if (stopped) return;
            else if (signalled && r.status === 503) {
              assert.equal(r.json.error.code, 'shutting_down');
              return;
            } else throw new Error(`unexpected ${r.status} ${r.text}\n${server.output()}`);
          }
        };
        const writers = Array.from({ length: 8 }, (_, w) => writer(w));
        while (acked.length < 100) await sleep(5);

        const slow = slowPost(server.url, '/v1/threads/term/comments', await token({ sub: 'slow' }), { body: 'a slow upload' });
        await sleep(200);
        const signalledAt = Date.now();
        signalled = true;
        server.child.kill('SIGTERM');
        await sleep(300);
        // No new work is accepted while the slow request finishes.
        const late = await call(server.url, 'GET', '/v1/health').catch(() => null);
        assert.ok(late === null || (late.status === 503 && late.json.error.code === 'shutting_down'), `late request answered ${late?.status}`);
        await sleep(1200);
        const slowAnswer = await slow.finish();
        await Promise.all(writers);
        const { code, at } = await exited;

        assert.equal(slowAnswer.status, 201, `the request in flight was answered ${slowAnswer.status} ${slowAnswer.body}`);
        assert.equal(code, 0);
        assert.ok(at - signalledAt < 10_000, `exit took ${at - signalledAt} ms`);
        const text = await stream;
        assert.match(text, /retry: \d+\n\n$/, 'the event stream ends with a retry hint');
        assert.ok(text.indexOf('retry:') < text.lastIndexOf('retry:'), 'a retry hint besides the opening one');

        const { comments, outbox } = await readBack();
        const stored = new Set(comments.map((c) => c.id));
        const ackedAll = [...acked, JSON.parse(slowAnswer.body).id as string];
        const missing = ackedAll.filter((id) => !stored.has(id));
        assert.deepEqual(missing, [], `${missing.length} of ${ackedAll.length} acknowledged comments missing`);
        // Every comment's webhook event is in the outbox, none left claimed by the dead process.
        assert.equal(outbox.length, comments.length);
        assert.ok(hooked.length > 0, 'deliveries were in flight');
        assert.deepEqual(outbox.filter((r) => r.lease !== null), [], 'rows still leased');
        assert.ok(outbox.every((r) => r.next_attempt_at <= Date.now()), 'handed-back rows are due at once');
      } finally {
        stopped = true;
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
        await exited;
        for (const res of hooked) res.destroy();
        receiver.closeAllConnections();
        receiver.close();
      }
    });
  });
}

describe('SIGTERM with a request that never completes', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-sigterm-stuck-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('cuts it after the drain time and still exits 0 within 10 s', { timeout: 30_000 }, async () => {
    const held: http.ServerResponse[] = [];
    const receiver = http.createServer((_req, res) => held.push(res));
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const server = await spawnServer({
      INKWELL_DATA_DIR: dataDir, INKWELL_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
    });
    const exited = new Promise<{ code: number | null; at: number }>((r) => server.child.once('exit', (code) => r({ code, at: Date.now() })));
    try {
      assert.equal((await call(server.url, 'POST', '/v1/threads/stuck/comments', { token: await token(), body: { body: 'hooked' } })).status, 201);
      slowPost(server.url, '/v1/threads/stuck/comments', await token({ sub: 'stuck' }), { body: 'never finished' });
      await sleep(300);
      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      const { code, at } = await exited;
      assert.equal(code, 0);
      assert.ok(at - signalledAt < 10_000, `exit took ${at - signalledAt} ms`);
      assert.ok(at - signalledAt >= 5_000, `the request in flight got ${at - signalledAt} ms, not the drain time`);
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await exited;
      for (const res of held) res.destroy();
      receiver.closeAllConnections();
      receiver.close();
    }
  });
});
