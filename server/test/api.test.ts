import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { call, type Res, kinds, startServer, token, type TestServer } from './helpers.js';

for (const { kind, skip } of await kinds()) {
  describe(`API on ${kind}`, { skip }, () => {
    let s: TestServer;
    let alice: string;
    let bob: string;
    before(async () => {
      s = await startServer(kind);
      alice = await token({ sub: 'alice', name: 'Alice', picture: 'https://example.com/a.png' });
      bob = await token({ sub: 'bob', name: 'Bob' });
    });
    after(() => s?.close());

    it('answers health and serves the OpenAPI document with the comment schema', async () => {
      const h = await call(s.url, 'GET', '/v1/health');
      assert.equal(h.status, 200);
      assert.deepEqual(h.json, { status: 'ok', database: kind, version: '0.1.0' });
      const o = await call(s.url, 'GET', '/v1/openapi.json');
      assert.equal(o.status, 200);
      assert.equal(o.json.openapi, '3.1.0');
      assert.ok(o.json.components.schemas.Comment.properties.author);
      assert.ok(o.json.paths['/v1/threads/{thread}/comments'].post);
      assert.ok(o.json.paths['/v1/counts'].get);
      assert.ok(o.json.paths['/v1/typo-reports'].post);
      assert.ok(!JSON.stringify(o.json.paths).includes('/demo/token'));
    });

    it('posts, lists, replies, edits and deletes a comment', async () => {
      const p = await call(s.url, 'POST', '/v1/threads/crud/comments', { token: alice, body: { body: '  Hello *world*\r\nline two ' } });
      assert.equal(p.status, 201);
      assert.equal(p.headers.get('location'), `/v1/comments/${p.json.id}`);
      assert.equal(p.json.body, 'Hello *world*\nline two');
      assert.equal(p.json.status, 'published');
      assert.equal(p.json.own, true);
      assert.equal(p.json.parentId, null);
      assert.deepEqual(p.json.author, { id: p.json.author.id, name: 'Alice', picture: 'https://example.com/a.png', guest: false });
      assert.match(p.json.author.id, /^u_/);
      assert.ok(!p.json.author.id.includes('alice'));

      const r = await call(s.url, 'POST', '/v1/threads/crud/comments', { token: bob, body: { body: 'A reply', parentId: p.json.id } });
      assert.equal(r.status, 201);
      assert.equal(r.json.parentId, p.json.id);
      const rr = await call(s.url, 'POST', '/v1/threads/crud/comments', { token: alice, body: { body: 'A reply to the reply', parentId: r.json.id } });
      assert.equal(rr.status, 201);
      assert.equal(rr.json.parentId, r.json.id);

      const l = await call(s.url, 'GET', '/v1/threads/crud/comments', { token: alice });
      assert.equal(l.status, 200);
      assert.equal(l.json.total, 3);
      assert.equal(l.json.nextCursor, null);
      assert.deepEqual(l.json.comments.map((c: { id: string }) => c.id), [p.json.id, r.json.id, rr.json.id]);
      assert.equal(l.json.comments[0].replyCount, 2);
      assert.equal(l.json.comments[0].own, true);
      assert.equal(l.json.comments[1].own, undefined);

      const e = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: alice, body: { body: 'Edited' } });
      assert.equal(e.status, 200);
      assert.equal(e.json.body, 'Edited');
      assert.ok(e.json.editedAt);

      const one = await call(s.url, 'GET', `/v1/comments/${p.json.id}`);
      assert.equal(one.json.body, 'Edited');

      const d = await call(s.url, 'DELETE', `/v1/comments/${p.json.id}`, { token: alice });
      assert.equal(d.status, 204);
      // The deleted comment has replies, so it stays as an empty tombstone.
      const l2 = await call(s.url, 'GET', '/v1/threads/crud/comments');
      assert.equal(l2.json.total, 2);
      const tomb = l2.json.comments[0];
      assert.equal(tomb.id, p.json.id);
      assert.equal(tomb.status, 'deleted');
      assert.equal(tomb.body, '');
      assert.equal(tomb.author.name, '');
      const again = await call(s.url, 'DELETE', `/v1/comments/${p.json.id}`, { token: alice });
      assert.equal(again.status, 404);
      // A deleted comment without replies disappears.
      await call(s.url, 'DELETE', `/v1/comments/${rr.json.id}`, { token: alice });
      await call(s.url, 'DELETE', `/v1/comments/${r.json.id}`, { token: bob });
      const l3 = await call(s.url, 'GET', '/v1/threads/crud/comments');
      assert.deepEqual(l3.json, { comments: [], total: 0, nextCursor: null });
    });

    it('pages top-level comments with a cursor in both orders', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await call(s.url, 'POST', '/v1/threads/paging/comments', { token: alice, body: { body: `comment ${i}` } });
        ids.push(r.json.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const r: Res = await call(s.url, 'GET', `/v1/threads/paging/comments?limit=3${q}`);
        assert.equal(r.status, 200);
        assert.equal(r.json.total, 7);
        seen.push(...r.json.comments.map((c: { id: string }) => c.id));
        cursor = r.json.nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, ids);
      const newest = await call(s.url, 'GET', '/v1/threads/paging/comments?sort=newest&limit=2');
      assert.deepEqual(newest.json.comments.map((c: { id: string }) => c.id), [ids[6], ids[5]]);
      const next = await call(s.url, 'GET', `/v1/threads/paging/comments?sort=newest&limit=2&cursor=${newest.json.nextCursor}`);
      assert.deepEqual(next.json.comments.map((c: { id: string }) => c.id), [ids[4], ids[3]]);
      const bad = await call(s.url, 'GET', '/v1/threads/paging/comments?cursor=garbage');
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.field, 'cursor');
      const badSort = await call(s.url, 'GET', '/v1/threads/paging/comments?sort=sideways');
      assert.equal(badSort.status, 400);
      assert.equal(badSort.json.error.field, 'sort');
    });

    it('counts many threads in one request', async () => {
      await call(s.url, 'POST', '/v1/threads/count-a/comments', { token: alice, body: { body: 'one' } });
      await call(s.url, 'POST', '/v1/threads/count-a/comments', { token: bob, body: { body: 'two' } });
      await call(s.url, 'POST', '/v1/threads/count-b/comments', { token: bob, body: { body: 'three' } });
      const r = await call(s.url, 'GET', '/v1/counts?thread=count-a&thread=count-b&thread=count-none');
      assert.equal(r.status, 200);
      assert.deepEqual(r.json, { counts: { 'count-a': 2, 'count-b': 1, 'count-none': 0 } });
      const single = await call(s.url, 'GET', '/v1/counts?thread=count-b');
      assert.deepEqual(single.json, { counts: { 'count-b': 1 } });
      const none = await call(s.url, 'GET', '/v1/counts');
      assert.equal(none.status, 400);
      assert.equal(none.json.error.field, 'thread');
      const many = await call(s.url, 'GET', '/v1/counts?' + Array.from({ length: 101 }, (_, i) => `thread=t${i}`).join('&'));
      assert.equal(many.status, 400);
    });

    it('carries ETag and Cache-Control and answers 304 to a matching If-None-Match', async () => {
      await call(s.url, 'POST', '/v1/threads/etag/comments', { token: alice, body: { body: 'cache me' } });
      const a = await call(s.url, 'GET', '/v1/threads/etag/comments');
      const etag = a.headers.get('etag')!;
      assert.match(etag, /^W\/".+"$/);
      assert.match(a.headers.get('cache-control')!, /^public, max-age=0, s-maxage=\d+/);
      assert.match(a.headers.get('vary')!, /Authorization/);
      const b = await call(s.url, 'GET', '/v1/threads/etag/comments', { headers: { 'if-none-match': etag } });
      assert.equal(b.status, 304);
      assert.equal(b.text, '');
      await call(s.url, 'POST', '/v1/threads/etag/comments', { token: bob, body: { body: 'changes the page' } });
      const c = await call(s.url, 'GET', '/v1/threads/etag/comments', { headers: { 'if-none-match': etag } });
      assert.equal(c.status, 200);
      assert.notEqual(c.headers.get('etag'), etag);
      const personal = await call(s.url, 'GET', '/v1/threads/etag/comments', { token: alice });
      assert.equal(personal.headers.get('cache-control'), 'private, no-cache');
      const counts = await call(s.url, 'GET', '/v1/counts?thread=etag');
      const c304 = await call(s.url, 'GET', '/v1/counts?thread=etag', { headers: { 'if-none-match': counts.headers.get('etag')! } });
      assert.equal(c304.status, 304);
    });

    it('sends a listing as the UTF-8 bytes of its JSON, with their length and the SHA-1 of them as its ETag', async () => {
      await call(s.url, 'POST', '/v1/threads/etag-bytes/comments', { token: alice, body: { body: 'é 中文 😀 \u2028 end' } });
      const res = await fetch(`${s.url}/v1/threads/etag-bytes/comments`);
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = bytes.toString('utf8');
      assert.equal(JSON.parse(text).comments[0].body, 'é 中文 😀 \u2028 end');
      assert.equal(Buffer.from(text).equals(bytes), true, 'valid UTF-8');
      assert.equal(res.headers.get('content-length'), String(bytes.length));
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(res.headers.get('etag'), `W/"${createHash('sha1').update(bytes).digest('base64url')}"`);
    });

    it('accepts thread ids that are URLs', async () => {
      const thread = encodeURIComponent('https://news.example/2024/05/story?x=1');
      const p = await call(s.url, 'POST', `/v1/threads/${thread}/comments`, { token: alice, body: { body: 'on a URL thread' } });
      assert.equal(p.status, 201);
      assert.equal(p.json.thread, 'https://news.example/2024/05/story?x=1');
      const l = await call(s.url, 'GET', `/v1/threads/${thread}/comments`);
      assert.equal(l.json.total, 1);
    });
  });

  describe(`pre-moderation on ${kind}`, { skip }, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(kind, { INKWELL_MODERATION: 'pre' });
    });
    after(() => s?.close());

    it('holds comments until a moderator approves; rejects and marks spam', async () => {
      const alice = await token({ sub: 'alice', name: 'Alice' });
      const bob = await token({ sub: 'bob', name: 'Bob' });
      const mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
      const p = await call(s.url, 'POST', '/v1/threads/held/comments', { token: alice, body: { body: 'please approve' } });
      assert.equal(p.status, 201);
      assert.equal(p.json.status, 'pending');
      assert.equal((await call(s.url, 'GET', '/v1/threads/held/comments')).json.total, 0);
      assert.equal((await call(s.url, 'GET', '/v1/threads/held/comments', { token: bob })).json.total, 0);
      const own = await call(s.url, 'GET', '/v1/threads/held/comments', { token: alice });
      assert.equal(own.json.total, 1);
      assert.equal(own.json.comments[0].status, 'pending');
      assert.equal((await call(s.url, 'GET', `/v1/comments/${p.json.id}`)).status, 404);
      assert.equal((await call(s.url, 'GET', '/v1/counts?thread=held')).json.counts.held, 0);

      const inbox = await call(s.url, 'GET', '/v1/comments?status=pending', { token: mod });
      assert.equal(inbox.status, 200);
      assert.deepEqual(inbox.json.comments.map((c: { id: string }) => c.id), [p.json.id]);
      assert.equal((await call(s.url, 'GET', '/v1/comments?status=pending', { token: bob })).status, 403);
      assert.equal((await call(s.url, 'GET', '/v1/comments?status=pending')).status, 401);

      const bobApproves = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: alice, body: { status: 'published' } });
      assert.equal(bobApproves.status, 403);
      assert.equal(bobApproves.json.error.field, 'status');
      const ok = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: mod, body: { status: 'published' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.json.status, 'published');
      assert.equal((await call(s.url, 'GET', '/v1/threads/held/comments')).json.total, 1);

      // An author's edit waits for approval; the public keeps the approved text (see moderation.test.ts).
      const edit = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: alice, body: { body: 'now with spam' } });
      assert.deepEqual([edit.json.status, edit.json.editPending], ['published', true]);
      assert.equal((await call(s.url, 'GET', '/v1/threads/held/comments')).json.comments[0].body, 'please approve');

      // Rejecting drops the edit first, then the comment.
      const dropEdit = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: mod, body: { status: 'rejected' } });
      assert.deepEqual([dropEdit.json.status, dropEdit.json.body], ['published', 'please approve']);
      const rej = await call(s.url, 'PATCH', `/v1/comments/${p.json.id}`, { token: mod, body: { status: 'rejected' } });
      assert.equal(rej.json.status, 'rejected');
      const q = await call(s.url, 'POST', '/v1/threads/held/comments', { token: bob, body: { body: 'buy pills' } });
      const spam = await call(s.url, 'PATCH', `/v1/comments/${q.json.id}`, { token: mod, body: { status: 'spam' } });
      assert.equal(spam.json.status, 'spam');
      const spamBox = await call(s.url, 'GET', '/v1/comments?status=spam', { token: mod });
      assert.deepEqual(spamBox.json.comments.map((c: { id: string }) => c.id), [q.json.id]);
      // Moderators' own comments are published at once.
      const m = await call(s.url, 'POST', '/v1/threads/held/comments', { token: mod, body: { body: 'from the desk' } });
      assert.equal(m.json.status, 'published');
    });
  });
}
