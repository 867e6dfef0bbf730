import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { call, kinds, sleep, SseClient, startServer, token, type Kind, type TestServer } from './helpers.js';

/** Rewrites a comment behind the server's back (no thread event), so only a read from the database shows it. */
async function rewrite(s: TestServer, id: string, body: string) {
  await s.app.inkwell.db.updateTable('comments').set({ body }).where('id', '=', id).execute();
}

async function post(s: TestServer, who: string, thread: string, body: string): Promise<string> {
  const r = await call(s.url, 'POST', `/v1/threads/${encodeURIComponent(thread)}/comments`, { token: who, body: { body } });
  assert.equal(r.status, 201, r.text);
  return r.json.id;
}

/** Runs `fn` against a server of its own, configured for the test. */
async function withServer(kind: Kind, env: Record<string, string>, fn: (s: TestServer) => Promise<void>) {
  const s = await startServer(kind, env);
  try {
    await fn(s);
  } finally {
    await s.close();
  }
}

const bodies = (r: { json: { comments: Array<{ body: string }> } }) => r.json.comments.map((c) => c.body);

/** A raw connection, for clients that misbehave below the level of fetch. */
function connect(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with what the server sent and when it closed, or with `closed: false` after `ms`. */
function closedWithin(socket: net.Socket, ms: number): Promise<{ closed: boolean; data: string; after: number }> {
  const start = Date.now();
  let data = '';
  socket.on('data', (d) => (data += d));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ closed: false, data, after: Date.now() - start }), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, data, after: Date.now() - start });
    });
    socket.on('error', () => {});
  });
}

for (const { kind, skip } of await kinds()) {
  describe(`listing cache on ${kind}`, { skip }, () => {
    let alice: string;
    before(async () => {
      alice = await token({ sub: 'alice' });
    });

    it('answers 400 to a cursor padded or re-spelt, and caches nothing for it', () => withServer(kind, {}, async (s) => {
      for (const n of [1, 2, 3]) await post(s, alice, 'padded', `comment ${n}`);
      const first = await call(s.url, 'GET', '/v1/threads/padded/comments?limit=1');
      const cursor: string = first.json.nextCursor;
      assert.equal((await call(s.url, 'GET', `/v1/threads/padded/comments?limit=1&cursor=${cursor}`)).status, 200);
      const variants = [
        ...Array.from({ length: 60 }, (_, i) => cursor + '|'.repeat(i + 1)),
        '|' + cursor, cursor + '=', cursor + '==', ` ${cursor}`, cursor + '\n', cursor.replace(/-/g, '+').replace(/_/g, '/') + '.',
      ];
      for (const v of variants) {
        const r = await call(s.url, 'GET', `/v1/threads/padded/comments?limit=1&cursor=${encodeURIComponent(v)}`);
        assert.equal(r.status, 400, JSON.stringify(v));
        assert.equal(r.json.error.code, 'invalid_input');
        assert.equal(r.json.error.field, 'cursor');
      }
      // Pages one and two; nothing for the variants.
      assert.ok(s.app.inkwell.listingCache.stats.entries <= 2);
    }));

    it('never serves one thread\'s cached page for another, whatever the names', () => withServer(kind, {}, async (s) => {
      for (const n of [1, 2]) await post(s, alice, 'a|b', `secret ${n}`);
      const first = await call(s.url, 'GET', '/v1/threads/a%7Cb/comments?limit=1');
      const cursor: string = first.json.nextCursor;
      const victim = await call(s.url, 'GET', `/v1/threads/a%7Cb/comments?limit=1&cursor=${cursor}`);
      assert.deepEqual(bodies(victim), ['secret 2']);
      // The old key `${sort}|${limit}|${cursor}|${thread}` read the same for both requests.
      const attack = await call(s.url, 'GET', `/v1/threads/b/comments?limit=1&cursor=${cursor}%7Ca`);
      assert.doesNotMatch(attack.text, /secret/);
      assert.equal(attack.status, 400);
      // A valid cursor taken from another thread pages this one.
      const other = await call(s.url, 'GET', `/v1/threads/b/comments?limit=1&cursor=${cursor}`);
      assert.equal(other.status, 200);
      assert.deepEqual(bodies(other), []);
    }));

    it('evicts the least recently used pages beyond INKWELL_LISTING_CACHE_BYTES', () => withServer(kind, { INKWELL_LISTING_CACHE_BYTES: '4000' }, async (s) => {
      const ids: Record<string, string> = {};
      const threads = ['kept', 'dropped', ...Array.from({ length: 10 }, (_, i) => `other-${i}`)];
      for (const t of threads) ids[t] = await post(s, alice, t, `first text of ${t}`);
      await sleep(300); // On PostgreSQL the posts' notifications invalidate their threads a moment later.
      const list = (t: string) => call(s.url, 'GET', `/v1/threads/${t}/comments`);
      await list('kept');
      await list('dropped');
      let most = 0;
      for (const t of threads.slice(2)) {
        await list(t);
        await list('kept');
        most = Math.max(most, s.app.inkwell.listingCache.stats.bytes);
      }
      await rewrite(s, ids.kept!, 'changed');
      await rewrite(s, ids.dropped!, 'changed');
      assert.deepEqual(bodies(await list('kept')), ['first text of kept'], 'recently used: still cached');
      assert.deepEqual(bodies(await list('dropped')), ['changed'], 'least recently used: evicted, read again');
      assert.ok(most <= 4000 && most > 2000, `at most ${most} bytes held`);
    }));

    it('with INKWELL_LISTING_CACHE_MS=0 reads every listing from the database', () => withServer(kind, { INKWELL_LISTING_CACHE_MS: '0' }, async (s) => {
      // The clock stands still, so "older than 0 ms" can never make an entry stale.
      mock.timers.enable({ apis: ['Date'], now: Date.now() });
      try {
        const id = await post(s, alice, 'live', 'version 0');
        for (let i = 1; i <= 20; i++) {
          await rewrite(s, id, `version ${i}`);
          assert.deepEqual(bodies(await call(s.url, 'GET', '/v1/threads/live/comments')), [`version ${i}`]);
        }
        assert.deepEqual(s.app.inkwell.listingCache.stats, { entries: 0, bytes: 0 });
      } finally {
        mock.timers.reset();
      }
    }));
  });

  describe(`event stream limits on ${kind}`, { skip }, () => {
    const env = { INKWELL_SSE_PER_ADDRESS: '2', INKWELL_SSE_MAX: '3', INKWELL_TRUSTED_PROXIES: '127.0.0.1' };
    const open = (s: TestServer, from: string) => SseClient.open(`${s.url}/v1/threads/limited/events`, { 'x-forwarded-for': from });
    /** The answer to one more stream; a stream that was let in is closed at once. */
    const refused = async (s: TestServer, from: string) => {
      const controller = new AbortController();
      const res = await fetch(`${s.url}/v1/threads/limited/events`, { headers: { 'x-forwarded-for': from }, signal: controller.signal });
      if (res.status === 200) controller.abort();
      return { status: res.status, headers: res.headers, json: res.status === 200 ? null : await res.json() };
    };

    it('allows INKWELL_SSE_PER_ADDRESS streams per client address and INKWELL_SSE_MAX in all', () => withServer(kind, env, async (s) => {
      const streams = [await open(s, '10.0.0.1'), await open(s, '10.0.0.1')];
      try {
        assert.deepEqual(streams.map((c) => c.status), [200, 200]);
        const third = await refused(s, '10.0.0.1');
        assert.equal(third.status, 429);
        assert.equal(third.json.error.code, 'too_many_streams');
        assert.ok(Number(third.headers.get('retry-after')) > 0);
        streams.push(await open(s, '10.0.0.2'));
        assert.equal(streams[2]!.status, 200);
        const full = await refused(s, '10.0.0.3');
        assert.equal(full.status, 503);
        assert.equal(full.json.error.code, 'streams_full');
        assert.ok(Number(full.headers.get('retry-after')) > 0);
        // A closed stream gives its place back.
        streams.shift()!.close();
        await sleep(200);
        streams.push(await open(s, '10.0.0.1'));
        assert.equal(streams[2]!.status, 200);
      } finally {
        for (const c of streams) c.close();
      }
    }));

    it('counts by the socket address when no proxy is trusted', () => withServer(kind, { INKWELL_SSE_PER_ADDRESS: '1' }, async (s) => {
      const first = await open(s, '10.0.0.1');
      try {
        assert.equal(first.status, 200);
        assert.equal((await refused(s, '10.0.0.2')).status, 429);
      } finally {
        first.close();
      }
    }));
  });

  describe(`slow and stalled clients on ${kind}`, { skip }, () => {
    let s: TestServer;
    let alice: string;
    before(async () => {
      s = await startServer(kind, {
        INKWELL_SSE_STALL_MS: '500',
        INKWELL_REQUEST_TIMEOUT_MS: '1000',
        INKWELL_CONNECTION_TIMEOUT_MS: '1500',
        INKWELL_MAX_COMMENT_LENGTH: '500000',
        INKWELL_BODY_LIMIT: '600000',
      });
      alice = await token({ sub: 'alice' });
    });
    after(() => s?.close());

    it('drops an event stream whose client stops reading, and keeps the one that reads', async () => {
      const stalled = await connect(s.url);
      stalled.write('GET /v1/threads/flood/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n');
      stalled.pause();
      const reader = await SseClient.open(`${s.url}/v1/threads/flood/events`);
      try {
        await sleep(100);
        // 10 MB of events: more than the kernel buffers on both ends of a loopback connection hold.
        const big = 'x'.repeat(499_990);
        for (let i = 0; i < 20; i++) await post(s, alice, 'flood', `${i} ${big}`);
        await reader.waitFor((e) => e.event === 'comment-created' && JSON.parse(e.data).body.startsWith('19 '), 10_000);
        await sleep(1000);
        // Reading again, the stalled client gets what had been buffered, then the end.
        const ended = closedWithin(stalled, 10_000);
        stalled.on('end', () => stalled.destroy());
        stalled.resume();
        const result = await ended;
        assert.ok(result.closed, `the stalled stream is still open after ${result.data.length} bytes`);
        assert.ok(result.data.length < 20 * 500_000, 'not everything was sent');
        const last = await post(s, alice, 'flood', 'still here');
        const seen = await reader.waitFor((e) => e.event === 'comment-created' && JSON.parse(e.data).id === last);
        assert.ok(seen);
      } finally {
        stalled.destroy();
        reader.close();
      }
    });

    it('cuts off a request body trickled byte by byte', async () => {
      const socket = await connect(s.url);
      const closed = closedWithin(socket, 6000);
      socket.write('POST /v1/threads/slow/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
      const trickle = setInterval(() => socket.writable && socket.write('x'), 100);
      const result = await closed;
      clearInterval(trickle);
      socket.destroy();
      assert.ok(result.closed, 'the connection is still open after 6 s');
      assert.ok(result.after < 4000, `closed after ${result.after} ms`);
      assert.match(result.data, /^HTTP\/1\.1 408 /);
      assert.equal(JSON.parse(result.data.slice(result.data.indexOf('\r\n\r\n') + 4)).error.code, 'request_timeout');
    });

    it('cuts off request headers trickled byte by byte, and a connection that sends nothing', async () => {
      const slow = await connect(s.url);
      const silent = await connect(s.url);
      const results = Promise.all([closedWithin(slow, 6000), closedWithin(silent, 6000)]);
      slow.write('GET /v1/health HTTP/1.1\r\n');
      const trickle = setInterval(() => slow.writable && slow.write('X'), 100);
      const [a, b] = await results;
      clearInterval(trickle);
      slow.destroy();
      silent.destroy();
      assert.ok(a.closed && a.after < 4000, `trickled headers: closed ${a.closed} after ${a.after} ms`);
      assert.ok(b.closed && b.after < 4000, `silent connection: closed ${b.closed} after ${b.after} ms`);
    });

    it('leaves a quiet event stream open past both timeouts', async () => {
      // Heartbeats come every 15 s here, so the stream is silent for longer than either timeout.
      const sse = await SseClient.open(`${s.url}/v1/threads/quiet/events`);
      try {
        await sleep(3500);
        const id = await post(s, alice, 'quiet', 'after a long silence');
        const e = await sse.waitFor((x) => x.event === 'comment-created');
        assert.equal(JSON.parse(e.data).id, id);
      } finally {
        sse.close();
      }
    });
  });
}
