// Issue 9, "Operations": liveness and readiness, Prometheus metrics, log formats, a busy port.
import net from 'node:net';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { call, freePort, kinds, PG_URL, REPO_ROOT, serverArgs, sleep, SseClient, startServer, TEST_ENV, token, type TestServer } from './helpers.js';

const METRICS_TOKEN = 'scrape-me-if-you-can-0123456789';

/** A TCP relay to PostgreSQL that the test can cut and restore, to take the database away from a running server. */
class DbRelay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async open(port = 0) {
    const target = new URL(PG_URL);
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  url() {
    const u = new URL(PG_URL);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async cut() {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

for (const { kind, skip } of await kinds()) {
  describe(`health on ${kind}`, { skip }, () => {
    it('liveness answers without the database; readiness says whether the database answers', async () => {
      const relay = new DbRelay();
      if (kind === 'postgres') await relay.open();
      let s: TestServer | undefined;
      try {
        s = await startServer(kind, kind === 'postgres' ? { INKWELL_DATABASE_URL: relay.url() } : {});
        assert.deepEqual((await call(s.url, 'GET', '/v1/health')).json, { status: 'ok', database: kind, version: '0.1.0' });
        const ready = await call(s.url, 'GET', '/v1/health/ready');
        assert.equal(ready.status, 200);
        assert.deepEqual(ready.json, { status: 'ready', database: kind, version: '0.1.0' });
        assert.equal(ready.headers.get('cache-control'), 'no-store');

        if (kind === 'sqlite') s.app.inkwell.database.sqlite!.close();
        else await relay.cut();
        const down = await call(s.url, 'GET', '/v1/health/ready');
        assert.equal(down.status, 503);
        assert.equal(down.json.error.code, 'database_unavailable');
        const live = await call(s.url, 'GET', '/v1/health');
        assert.equal(live.status, 200);

        if (kind === 'postgres') {
          // The database comes back: so does readiness, without a restart.
          await relay.open(relay.port);
          let back = await call(s.url, 'GET', '/v1/health/ready');
          for (let i = 0; i < 20 && back.status !== 200; i++) {
            await sleep(100);
            back = await call(s.url, 'GET', '/v1/health/ready');
          }
          assert.equal(back.status, 200);
        }
      } finally {
        await s?.close().catch(() => {});
        await relay.cut();
      }
    });

    if (kind === 'postgres') it('a connection lost in the middle of a query fails that query, not the process', async () => {
      const relay = new DbRelay();
      await relay.open();
      let s: TestServer | undefined;
      try {
        s = await startServer(kind, { INKWELL_DATABASE_URL: relay.url() });
        const slow = sql`select pg_sleep(5)`.execute(s.app.inkwell.db);
        await sleep(200);
        await relay.cut();
        await assert.rejects(slow, /Connection terminated/);
        assert.equal((await call(s.url, 'GET', '/v1/health/ready')).status, 503);
      } finally {
        await s?.close().catch(() => {});
        await relay.cut();
      }
    });
  });

  describe(`metrics on ${kind}`, { skip }, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(kind, { INKWELL_METRICS_TOKEN: METRICS_TOKEN });
    });
    after(() => s?.close());

    const scrape = () => call(s.url, 'GET', '/metrics', { token: METRICS_TOKEN });
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(series + ' '));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };

    it('answers only with the token', async () => {
      const none = await call(s.url, 'GET', '/metrics');
      assert.equal(none.status, 401);
      assert.equal(none.json.error.code, 'auth_required');
      assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
      for (const t of ['wrong', METRICS_TOKEN + 'x', METRICS_TOKEN.slice(0, -1)]) {
        assert.equal((await call(s.url, 'GET', '/metrics', { token: t })).status, 401, t);
      }
      const ok = await scrape();
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    });

    it('counts requests and their latency by route pattern and status, never by raw URL', async () => {
      for (const thread of ['thread-one', 'thread-two', 'https%3A%2F%2Fnews.example%2Fa']) {
        await call(s.url, 'GET', `/v1/threads/${thread}/comments`);
      }
      await call(s.url, 'POST', '/v1/threads/x/comments', { body: { body: 'no token' } });
      await call(s.url, 'GET', '/v1/no-such-route/abc123');
      const text = (await scrape()).text;
      assert.equal(value(text, 'inkwell_http_requests_total{method="GET",route="/v1/threads/:thread/comments",status="200"}'), 3);
      assert.equal(value(text, 'inkwell_http_requests_total{method="POST",route="/v1/threads/:thread/comments",status="401"}'), 1);
      assert.equal(value(text, 'inkwell_http_requests_total{method="GET",route="unmatched",status="404"}'), 1);
      assert.equal(value(text, 'inkwell_http_request_duration_seconds_count{method="GET",route="/v1/threads/:thread/comments",status="200"}'), 3);
      assert.ok(value(text, 'inkwell_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/threads/:thread/comments",status="200"}') === 3);
      for (const raw of ['thread-one', 'news.example', 'abc123']) assert.ok(!text.includes(raw), raw);
      // Process figures come along.
      assert.ok(value(text, 'process_resident_memory_bytes')! > 0);
    });

    it('counts open event streams', async () => {
      const before = value((await scrape()).text, 'inkwell_event_streams_open');
      assert.equal(before, 0);
      const a = await SseClient.open(`${s.url}/v1/threads/live/events`);
      const b = await SseClient.open(`${s.url}/v1/threads/live/events`);
      try {
        assert.equal(value((await scrape()).text, 'inkwell_event_streams_open'), 2);
      } finally {
        a.close();
        b.close();
      }
      let after = 2;
      for (let i = 0; i < 40 && after !== 0; i++) {
        await sleep(50);
        after = value((await scrape()).text, 'inkwell_event_streams_open')!;
      }
      assert.equal(after, 0);
    });

    it(kind === 'postgres' ? 'reports the PostgreSQL pool' : 'reports no pool for SQLite', async () => {
      await call(s.url, 'GET', '/v1/threads/pool/comments', { token: await token() });
      const text = (await scrape()).text;
      if (kind === 'postgres') {
        assert.ok(value(text, 'inkwell_db_pool_connections')! >= 1);
        assert.ok(value(text, 'inkwell_db_pool_idle_connections')! >= 0);
        assert.equal(value(text, 'inkwell_db_pool_waiting_queries'), 0);
        assert.equal(value(text, 'inkwell_db_pool_max_connections'), 10);
      } else {
        assert.ok(!text.includes('inkwell_db_pool'));
      }
    });

    it('reports the outbox depth and the age of its oldest delivery', async () => {
      let text = (await scrape()).text;
      assert.equal(value(text, 'inkwell_outbox_depth'), 0);
      assert.equal(value(text, 'inkwell_outbox_oldest_age_seconds'), 0);
      const now = Date.now();
      const row = (id: string, status: string, age: number) => ({
        id, type: 'comment.created', payload: '{}', status, attempts: 0, next_attempt_at: now + 3_600_000,
        lease: null, last_error: null, created_at: now - age,
      });
      await s.app.inkwell.db.insertInto('outbox')
        .values([row('o1', 'pending', 42_000), row('o2', 'pending', 1_000), row('o3', 'dead', 99_000)]).execute();
      try {
        text = (await scrape()).text;
        assert.equal(value(text, 'inkwell_outbox_depth'), 2);
        const age = value(text, 'inkwell_outbox_oldest_age_seconds')!;
        assert.ok(age >= 42 && age < 60, String(age));
      } finally {
        await s.app.inkwell.db.deleteFrom('outbox').where('id', 'in', ['o1', 'o2', 'o3']).execute();
      }
    });
  });
}

describe('metrics switched off', () => {
  it('has no /metrics without INKWELL_METRICS_TOKEN, and refuses a short token', async () => {
    const s = await startServer('sqlite');
    try {
      const r = await call(s.url, 'GET', '/metrics', { token: 'anything' });
      assert.equal(r.status, 404);
      assert.equal(r.json.error.code, 'not_found');
    } finally {
      await s.close();
    }
    await assert.rejects(startServer('sqlite', { INKWELL_METRICS_TOKEN: 'short' }), /INKWELL_METRICS_TOKEN/);
  });
});

/** Runs `server/src/main.ts` until `done(output)` or exit; returns the output and exit code. */
async function runMain(args: string[], env: Record<string, string>, done: (out: string) => boolean = () => false) {
  const child = spawn(process.execPath, serverArgs(...args), {
    cwd: REPO_ROOT,
    env: { ...process.env, ...TEST_ENV, INKWELL_LOG_LEVEL: 'info', INKWELL_LOG_FORMAT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no result in 20 s:\n${stdout}${stderr}`));
    }, 20_000);
    const check = () => {
      if (done(stdout)) child.kill('SIGTERM');
    };
    child.stdout.on('data', (d) => { stdout += d; check(); });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

describe('the command line', () => {
  it('logs readable lines in development and JSON in production', async () => {
    const dev = await runMain(['--port', '0'], {}, (out) => out.includes('inkwell listening'));
    const line = dev.stdout.split('\n').find((l) => l.includes('inkwell listening'))!;
    assert.match(line, /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO.*: inkwell listening/);
    assert.throws(() => JSON.parse(line));

    const port = await freePort();
    const prod = await runMain(['--port', String(port)], {
      INKWELL_MODE: 'production', INKWELL_JWT_SECRET: 'a-real-secret-of-the-host-site-0123456789', INKWELL_PUBLIC_URL: `http://127.0.0.1:${port}`,
    }, (out) => out.includes('inkwell listening'));
    const lines = prod.stdout.trim().split('\n');
    assert.ok(lines.length >= 1);
    for (const l of lines) assert.equal(typeof JSON.parse(l).level, 'number', l);
    assert.ok(lines.some((l) => JSON.parse(l).msg === 'inkwell listening'));
  });

  it('says in one line that a busy port is busy, without a stack trace', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runMain(['--port', String(port)], { INKWELL_LOG_LEVEL: 'silent' });
      assert.equal(r.code, 1);
      assert.equal(r.stderr, `inkwell: port ${port} is in use; start with --port <n> (or INKWELL_PORT)\n`);
      assert.equal(r.stdout, '');
    } finally {
      blocker.close();
    }
  });
});
