import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, kinds, sleep, SseClient, startServer, token, type TestServer } from './helpers.js';

for (const { kind, skip } of await kinds()) {
  describe(`live events on ${kind}`, { skip }, () => {
    let s: TestServer;
    let alice: string;
    before(async () => {
      s = await startServer(kind, { INKWELL_SSE_HEARTBEAT: '1' });
      alice = await token({ sub: 'alice', name: 'Alice' });
    });
    after(() => s?.close());

    it('streams created, updated and deleted comments of one thread only', async () => {
      const sse = await SseClient.open(`${s.url}/v1/threads/live/events`);
      const otherThread = await SseClient.open(`${s.url}/v1/threads/elsewhere/events`);
      try {
        assert.equal(sse.status, 200);
        assert.match(sse.headers!.get('content-type')!, /^text\/event-stream/);
        await sleep(50);
        const p = await call(s.url, 'POST', '/v1/threads/live/comments', { token: alice, body: { body: 'live!' } });
        const created = await sse.waitFor((e) => e.event === 'comment-created');
        const data = JSON.parse(created.data);
        assert.equal(data.id, p.json.id);
        assert.equal(data.body, 'live!');
        assert.equal(data.own, undefined);
        assert.match(created.id!, /^\d+$/);
        await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: alice, body: { body: 'live, edited' } });
        const updated = await sse.waitFor((e) => e.event === 'comment-updated');
        assert.equal(JSON.parse(updated.data).body, 'live, edited');
        await call(s.url, 'DELETE', `/v1/comments/${p.json.id}`, { token: alice });
        const deleted = await sse.waitFor((e) => e.event === 'comment-deleted');
        assert.deepEqual([JSON.parse(deleted.data).id, JSON.parse(deleted.data).status, JSON.parse(deleted.data).body], [p.json.id, 'deleted', '']);
        assert.ok(Number(updated.id) > Number(created.id));
        await sleep(1200);
        assert.ok(sse.comments >= 1, 'a heartbeat arrived');
        assert.equal(otherThread.events.length, 0);
      } finally {
        sse.close();
        otherThread.close();
      }
    });

    it('replays missed events after Last-Event-ID', async () => {
      const first = await SseClient.open(`${s.url}/v1/threads/replay/events`);
      await sleep(50);
      await call(s.url, 'POST', '/v1/threads/replay/comments', { token: alice, body: { body: 'one' } });
      const e1 = await first.waitFor((e) => e.event === 'comment-created');
      first.close();
      // Two comments while the reader is away.
      await call(s.url, 'POST', '/v1/threads/replay/comments', { token: alice, body: { body: 'two' } });
      await call(s.url, 'POST', '/v1/threads/replay/comments', { token: alice, body: { body: 'three' } });
      const again = await SseClient.open(`${s.url}/v1/threads/replay/events`, { 'last-event-id': e1.id! });
      try {
        await again.waitFor((e) => JSON.parse(e.data).body === 'three');
        assert.deepEqual(again.events.map((e) => JSON.parse(e.data).body), ['two', 'three']);
        await call(s.url, 'POST', '/v1/threads/replay/comments', { token: alice, body: { body: 'four' } });
        await again.waitFor((e) => JSON.parse(e.data).body === 'four');
        assert.deepEqual(again.events.map((e) => JSON.parse(e.data).body), ['two', 'three', 'four']);
      } finally {
        again.close();
      }
    });
  });

  describe(`live events with pre-moderation on ${kind}`, { skip }, () => {
    let s: TestServer;
    before(async () => { s = await startServer(kind, { INKWELL_MODERATION: 'pre' }); });
    after(() => s?.close());

    it('never streams a pending comment; streams it once approved', async () => {
      const alice = await token({ sub: 'alice' });
      const mod = await token({ sub: 'mo', role: 'moderator' });
      const sse = await SseClient.open(`${s.url}/v1/threads/held/events`);
      try {
        await sleep(50);
        const p = await call(s.url, 'POST', '/v1/threads/held/comments', { token: alice, body: { body: 'waiting' } });
        await sleep(300);
        assert.equal(sse.events.length, 0);
        await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: mod, body: { status: 'published' } });
        const e = await sse.waitFor((x) => x.event === 'comment-created');
        assert.equal(JSON.parse(e.data).id, p.json.id);
        await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: mod, body: { status: 'spam' } });
        const gone = await sse.waitFor((x) => x.event === 'comment-deleted');
        assert.equal(JSON.parse(gone.data).body, '');
      } finally {
        sse.close();
      }
    });
  });
}
