// The moderators' inbox stream: held comments, edits awaiting approval and typo reports arrive live,
// to moderators only, as a kind and an id (never the text), on SQLite and PostgreSQL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, kinds, sleep, SseClient, startServer, token, type TestServer } from './helpers.js';

const report = (selection: string) => ({
  url: 'https://example.com/essay', selection, prefix: 'before ', suffix: ' after',
  fragment: `https://example.com/essay#:~:text=${encodeURIComponent(selection)}`,
});

for (const { kind, skip } of await kinds()) {
  describe(`the moderation inbox stream on ${kind}`, { skip }, () => {
    let s: TestServer;
    let alice: string;
    let mod: string;
    before(async () => {
      s = await startServer(kind, { INKWELL_MODERATION: 'pre', INKWELL_SSE_HEARTBEAT: '1' });
      alice = await token({ sub: 'alice', name: 'Alice' });
      mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    });
    after(() => s?.close());

    it('refuses readers without a token and readers who are not moderators', async () => {
      const anonymous = await SseClient.open(`${s.url}/v1/moderation/events`);
      const reader = await SseClient.open(`${s.url}/v1/moderation/events`, { authorization: `Bearer ${alice}` });
      try {
        assert.equal(anonymous.status, 401);
        assert.equal(reader.status, 403);
      } finally {
        anonymous.close();
        reader.close();
      }
    });

    it('announces held comments, edits awaiting approval and typo reports, by kind and id only', async () => {
      const sse = await SseClient.open(`${s.url}/v1/moderation/events`, { authorization: `Bearer ${mod}` });
      const thread = await SseClient.open(`${s.url}/v1/threads/inbox-live/events`);
      try {
        assert.equal(sse.status, 200);
        await sleep(50);
        const held = await call(s.url, 'POST', '/v1/threads/inbox-live/comments', { token: alice, body: { body: 'held for a moderator' } });
        assert.equal(held.json.status, 'pending');
        const first = await sse.waitFor((e) => e.event === 'inbox-changed');
        assert.deepEqual(JSON.parse(first.data), { kind: 'comment', id: held.json.id });
        assert.ok(!first.data.includes('held for a moderator'), 'no text on the stream');

        // Approved (no arrival), then edited by its writer: the edit awaits approval.
        await call(s.url, 'PATCH', `/v1/comments/${held.json.id}`, { token: mod, body: { status: 'published' } });
        await call(s.url, 'PATCH', `/v1/comments/${held.json.id}`, { token: alice, body: { body: 'edited after approval' } });
        const second = await sse.waitFor((e) => e.event === 'inbox-changed' && e.id !== first.id);
        assert.deepEqual(JSON.parse(second.data), { kind: 'comment', id: held.json.id });

        const receipt = await call(s.url, 'POST', '/v1/typo-reports', { body: report('teh') });
        const third = await sse.waitFor((e) => JSON.parse(e.data).kind === 'typo-report');
        assert.deepEqual(JSON.parse(third.data), { kind: 'typo-report', id: receipt.json.id });
        assert.equal(sse.events.filter((e) => e.event === 'inbox-changed').length, 3, 'approving announced nothing');
        assert.ok(thread.events.every((e) => e.event !== 'inbox-changed'), 'nothing of the inbox on a public thread stream');
      } finally {
        sse.close();
        thread.close();
      }
    });

    it('filters the inbox by reader', async () => {
      const bob = await token({ sub: 'bob', name: 'Bob' });
      const a = await call(s.url, 'POST', '/v1/threads/inbox-readers/comments', { token: alice, body: { body: 'by alice' } });
      await call(s.url, 'POST', '/v1/threads/inbox-readers/comments', { token: bob, body: { body: 'by bob' } });
      const all = await call(s.url, 'GET', '/v1/comments?status=pending&thread=inbox-readers', { token: mod });
      assert.equal(all.json.total, 2);
      const hers = await call(s.url, 'GET', `/v1/comments?status=pending&thread=inbox-readers&reader=${encodeURIComponent(a.json.author.id)}`, { token: mod });
      assert.deepEqual(hers.json.comments.map((c: { body: string }) => c.body), ['by alice']);
      assert.equal(hers.json.total, 1);
    });

    it('lists typo reports oldest first on request', async () => {
      const url = 'https://example.com/sorted';
      for (const selection of ['first', 'second', 'third']) {
        await call(s.url, 'POST', '/v1/typo-reports', { body: { ...report(selection), url } });
        await sleep(5);
      }
      const q = `/v1/typo-reports?url=${encodeURIComponent(url)}`;
      const newest = await call(s.url, 'GET', q, { token: mod });
      const oldest = await call(s.url, 'GET', `${q}&sort=oldest&limit=2`, { token: mod });
      assert.deepEqual(newest.json.reports.map((r: { selection: string }) => r.selection), ['third', 'second', 'first']);
      assert.deepEqual(oldest.json.reports.map((r: { selection: string }) => r.selection), ['first', 'second']);
      const rest = await call(s.url, 'GET', `${q}&sort=oldest&cursor=${encodeURIComponent(oldest.json.nextCursor)}`, { token: mod });
      assert.deepEqual(rest.json.reports.map((r: { selection: string }) => r.selection), ['third']);
    });

    it('replays arrivals missed since Last-Event-ID', async () => {
      const first = await SseClient.open(`${s.url}/v1/moderation/events`, { authorization: `Bearer ${mod}` });
      await sleep(50);
      await call(s.url, 'POST', '/v1/typo-reports', { body: report('recieve') });
      const seen = await first.waitFor((e) => e.event === 'inbox-changed');
      first.close();
      const missed = await call(s.url, 'POST', '/v1/threads/inbox-replay/comments', { token: alice, body: { body: 'while away' } });
      const again = await SseClient.open(`${s.url}/v1/moderation/events`, { authorization: `Bearer ${mod}`, 'last-event-id': seen.id! });
      try {
        const replayed = await again.waitFor((e) => e.event === 'inbox-changed');
        assert.deepEqual(JSON.parse(replayed.data), { kind: 'comment', id: missed.json.id });
      } finally {
        again.close();
      }
    });
  });
}
