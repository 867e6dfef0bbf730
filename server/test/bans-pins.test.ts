import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, kinds, sleep, SseClient, startServer, token, type TestServer } from './helpers.js';

interface Json {
  id: string;
  parentId: string | null;
  author: { id: string; name: string };
  body: string;
  status: string;
  pinned?: boolean;
  byAuthor?: boolean;
}

for (const { kind, skip } of await kinds()) {
  describe(`bans, pins and author labels on ${kind}`, { skip }, () => {
    let s: TestServer;
    let troll: string, troll2: string, troll3: string, ada: string, writer: string, mod: string;
    before(async () => {
      s = await startServer(kind, { INKWELL_SSE_HEARTBEAT: '1' });
      troll = await token({ sub: 'troll', name: 'Troll' });
      troll2 = await token({ sub: 'troll2', name: 'Troll Two' });
      troll3 = await token({ sub: 'troll3', name: 'Troll Three' });
      ada = await token({ sub: 'ada', name: 'Ada' });
      writer = await token({ sub: 'writer', name: 'Wendy Writer', authorOf: ['authored'] });
      mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    });
    after(() => s?.close());

    const post = async (t: string, thread: string, body: string, parentId?: string) => {
      const r = await call(s.url, 'POST', `/v1/threads/${thread}/comments`, { token: t, body: { body, ...(parentId ? { parentId } : {}) } });
      assert.equal(r.status, 201, r.text);
      return r.json as Json;
    };
    const list = async (thread: string, query = '', t?: string) => {
      const r = await call(s.url, 'GET', `/v1/threads/${thread}/comments${query}`, { token: t });
      assert.equal(r.status, 200, r.text);
      return r.json as { comments: Json[]; total: number; nextCursor: string | null };
    };

    it('refuses a banned reader\'s posts, edits and reactions with 403 banned, and lets them back after the ban', async () => {
      const keyed = { token: troll, body: { body: 'before the ban' }, headers: { 'idempotency-key': 'ban-write-1' } };
      const first = await call(s.url, 'POST', '/v1/threads/ban-write/comments', keyed);
      assert.equal(first.status, 201, first.text);
      const mine = first.json as Json;
      const other = await post(ada, 'ban-write', 'someone else');
      const banned = await call(s.url, 'PUT', `/v1/bans/${mine.author.id}`, { token: mod, body: {} });
      assert.equal(banned.status, 200, banned.text);
      assert.equal(banned.json.readerId, mine.author.id);
      assert.equal(banned.json.hideComments, false);

      for (const [method, path, body] of [
        ['POST', '/v1/threads/ban-write/comments', { body: 'after the ban' }],
        ['PATCH', `/v1/comments/${mine.id}`, { body: 'edited after the ban' }],
        ['PUT', `/v1/comments/${other.id}/reactions/like`, undefined],
      ] as const) {
        const r = await call(s.url, method, path, { token: troll, body });
        assert.equal(r.status, 403, `${method} ${path}: ${r.text}`);
        assert.equal(r.json.error.code, 'banned');
      }
      const retry = await call(s.url, 'POST', '/v1/threads/ban-write/comments', keyed);
      assert.equal(retry.status, 201, 'a retry of a post made before the ban gets its answer');
      assert.equal(retry.json.id, mine.id);
      assert.equal((await list('ban-write')).total, 2, 'without hideComments their comments stay');
      assert.deepEqual((await call(s.url, 'GET', '/v1/bans', { token: mod })).json.bans.map((b: { readerId: string }) => b.readerId), [mine.author.id]);

      assert.equal((await call(s.url, 'DELETE', `/v1/bans/${mine.author.id}`, { token: mod })).status, 204);
      await post(troll, 'ban-write', 'after the unban');
    });

    it('lets only moderators ban, and only signed-in readers', async () => {
      const c = await post(ada, 'ban-who', 'hello');
      assert.equal((await call(s.url, 'PUT', `/v1/bans/${c.author.id}`, { token: ada, body: {} })).status, 403);
      assert.equal((await call(s.url, 'PUT', `/v1/bans/${c.author.id}`, { body: {} })).status, 401);
      const guest = await call(s.url, 'PUT', '/v1/bans/g_someguest', { token: mod, body: {} });
      assert.equal(guest.status, 400);
      assert.equal(guest.json.error.field, 'readerId');
    });

    it('hides a banned reader\'s comments without leaking them through replies, and brings them back on unban', async () => {
      const th = 'ban-hide';
      const top = await post(troll2, th, 'TROLL-TEXT top');
      const reply = await post(ada, th, 'a reply to the troll', top.id);
      const alone = await post(troll2, th, 'TROLL-TEXT alone');
      await post(ada, th, 'unrelated');
      const sse = await SseClient.open(`${s.url}/v1/threads/${th}/events`);
      try {
        await sleep(200);
        const r = await call(s.url, 'PUT', `/v1/bans/${top.author.id}`, { token: mod, body: { hideComments: true } });
        assert.equal(r.json.hidden, 2);
        const gone = await sse.waitFor((e) => e.event === 'comment-deleted' && JSON.parse(e.data).id === alone.id);
        assert.equal(JSON.parse(gone.data).status, 'removed');
        assert.doesNotMatch(gone.data, /TROLL-TEXT/);
      } finally {
        sse.close();
      }
      const forModerators = (await list(th, '', mod)).comments.find((c) => c.id === top.id);
      assert.equal(forModerators?.status, 'hidden', 'moderators read hidden comments, as they read rejected ones');
      for (const viewer of [undefined, ada, troll2]) {
        const page = await list(th, '', viewer);
        assert.doesNotMatch(JSON.stringify(page), /TROLL-TEXT/, 'the hidden text never leaks');
        assert.equal(page.comments.find((c) => c.id === alone.id), undefined, 'a hidden comment without replies is not listed');
        assert.equal(page.comments.find((c) => c.id === top.id)?.status, 'removed', 'a placeholder keeps the reply in place');
        assert.ok(page.comments.find((c) => c.id === reply.id));
      }
      assert.equal((await list(th)).total, 2);
      assert.equal((await call(s.url, 'GET', `/v1/counts?thread=${th}`)).json.counts[th], 2);

      assert.equal((await call(s.url, 'DELETE', `/v1/bans/${top.author.id}`, { token: mod })).status, 204);
      const back = await list(th);
      assert.equal(back.total, 4);
      assert.equal(back.comments.find((c) => c.id === top.id)?.body, 'TROLL-TEXT top');
    });

    it('lists hidden comments in the moderators\' inbox (status=hidden), restores one on its own, and unbans the rest', async () => {
      const th = 'ban-inbox';
      const reader = await token({ sub: 'inboxed', name: 'Inboxed' });
      const [a, b, c] = [await post(reader, th, 'HIDDEN-A'), await post(reader, th, 'HIDDEN-B'), await post(reader, th, 'HIDDEN-C')];
      await post(ada, th, 'not hidden');
      assert.equal((await call(s.url, 'PUT', `/v1/bans/${a.author.id}`, { token: mod, body: { hideComments: true } })).json.hidden, 3);
      const inbox = async (query: string, t = mod) => call(s.url, 'GET', `/v1/comments?${query}`, { token: t });
      const hidden = await inbox(`status=hidden&thread=${th}&sort=oldest`);
      assert.equal(hidden.status, 200, hidden.text);
      assert.deepEqual(hidden.json.comments.map((x: Json) => [x.body, x.status]), [['HIDDEN-A', 'hidden'], ['HIDDEN-B', 'hidden'], ['HIDDEN-C', 'hidden']]);
      assert.equal(hidden.json.total, 3);
      const paged = await inbox(`status=hidden&thread=${th}&sort=oldest&limit=2`);
      assert.equal(paged.json.comments.length, 2);
      assert.deepEqual((await inbox(`status=hidden&thread=${th}&sort=oldest&cursor=${encodeURIComponent(paged.json.nextCursor)}`)).json.comments.map((x: Json) => x.id), [c.id]);
      assert.equal((await inbox(`status=published&thread=${th}`)).json.total, 1, 'hidden ones are not published');
      assert.equal((await inbox(`status=hidden&thread=${th}`, ada)).status, 403);
      assert.equal((await call(s.url, 'GET', `/v1/comments?status=hidden&thread=${th}`)).status, 401);
      assert.equal((await inbox('status=gone')).json.error.field, 'status');

      // A moderator restores one (the ban stays: the reader still may not post), another is rejected; lifting the ban brings back the last.
      const restored = await call(s.url, 'PATCH', `/v1/comments/${a.id}`, { token: mod, body: { status: 'published' } });
      assert.equal(restored.status, 200, restored.text);
      assert.equal((await list(th)).comments.find((x) => x.id === a.id)?.body, 'HIDDEN-A');
      assert.equal((await call(s.url, 'POST', `/v1/threads/${th}/comments`, { token: reader, body: { body: 'still banned' } })).json.error.code, 'banned');
      assert.equal((await call(s.url, 'PATCH', `/v1/comments/${b.id}`, { token: mod, body: { status: 'rejected' } })).status, 200);
      assert.deepEqual((await inbox(`status=hidden&thread=${th}`)).json.comments.map((x: Json) => x.id), [c.id]);
      assert.equal((await call(s.url, 'DELETE', `/v1/bans/${a.author.id}`, { token: mod })).status, 204);
      assert.equal((await inbox(`status=hidden&thread=${th}`)).json.total, 0);
      assert.deepEqual((await list(th, '?sort=oldest')).comments.map((x) => x.body), ['HIDDEN-A', 'HIDDEN-C', 'not hidden']);
      assert.equal((await inbox(`status=rejected&thread=${th}`)).json.comments[0].id, b.id, 'what a moderator rejected stays rejected');
    });

    it('does not bring back on unban what a moderator rejected meanwhile', async () => {
      const c = await post(troll3, 'ban-reject', 'TO-BE-REJECTED');
      await call(s.url, 'PUT', `/v1/bans/${c.author.id}`, { token: mod, body: { hideComments: true } });
      assert.equal((await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: mod, body: { status: 'rejected' } })).status, 200);
      await call(s.url, 'DELETE', `/v1/bans/${c.author.id}`, { token: mod });
      assert.equal((await list('ban-reject')).total, 0);
    });

    it('lists the pinned comment first on the first page whatever the sort, one pin per thread', async () => {
      const th = 'pins';
      const made: Json[] = [];
      for (let i = 0; i < 5; i++) made.push(await post(ada, th, `comment ${i}`));
      await post(ada, th, 'a reply', made[0]!.id);
      const pinned = await call(s.url, 'PUT', `/v1/comments/${made[2]!.id}/pin`, { token: mod });
      assert.equal(pinned.status, 200, pinned.text);
      assert.deepEqual(pinned.json, { thread: th, commentId: made[2]!.id });

      for (const sort of ['oldest', 'newest', 'top']) {
        for (const t of [undefined, mod]) {
          const ids: string[] = [];
          let cursor: string | null = null;
          let first = true;
          do {
            const page = await list(th, `?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, t);
            const tops = page.comments.filter((c) => c.parentId === null);
            if (first) {
              assert.equal(tops[0]!.id, made[2]!.id, `${sort}: pinned first`);
              assert.equal(tops[0]!.pinned, true);
            }
            assert.ok(tops.slice(first ? 1 : 0).every((c) => !c.pinned));
            ids.push(...tops.map((c) => c.id));
            cursor = page.nextCursor;
            first = false;
          } while (cursor);
          assert.deepEqual([...ids].sort(), made.map((c) => c.id).sort(), `${sort}: every comment once across pages`);
        }
      }
      const onePerPage = await list(th, '?limit=1');
      assert.equal(onePerPage.comments[0]!.id, made[2]!.id);
      assert.equal((await list(th, `?limit=1&cursor=${onePerPage.nextCursor}`)).comments[0]!.id, made[0]!.id, 'a page holding only the pin goes on from the start');

      await call(s.url, 'PUT', `/v1/comments/${made[4]!.id}/pin`, { token: mod });
      const after = await list(th);
      assert.equal(after.comments[0]!.id, made[4]!.id);
      assert.equal(after.comments.filter((c) => c.pinned).length, 1, 'pinning another unpins the first');

      const unpin = await call(s.url, 'DELETE', `/v1/comments/${made[4]!.id}/pin`, { token: mod });
      assert.deepEqual(unpin.json, { thread: th, commentId: null });
      assert.equal((await list(th)).comments[0]!.id, made[0]!.id);
      assert.equal((await list(th)).comments.some((c) => c.pinned), false);
    });

    it('pins only published top-level comments, by moderators, and sends pins live', async () => {
      const top = await post(ada, 'pin-rules', 'top');
      const reply = await post(ada, 'pin-rules', 'reply', top.id);
      assert.equal((await call(s.url, 'PUT', `/v1/comments/${top.id}/pin`, { token: ada })).status, 403);
      const r = await call(s.url, 'PUT', `/v1/comments/${reply.id}/pin`, { token: mod });
      assert.equal(r.status, 422);
      assert.equal(r.json.error.code, 'not_pinnable');
      assert.equal((await call(s.url, 'PUT', '/v1/comments/c_nothing/pin', { token: mod })).status, 404);
      const sse = await SseClient.open(`${s.url}/v1/threads/pin-rules/events`);
      try {
        await sleep(200);
        await call(s.url, 'PUT', `/v1/comments/${top.id}/pin`, { token: mod });
        const e = await sse.waitFor((ev) => ev.event === 'pin-changed');
        assert.deepEqual(JSON.parse(e.data), { thread: 'pin-rules', commentId: top.id });
      } finally {
        sse.close();
      }
      await call(s.url, 'PATCH', `/v1/comments/${top.id}`, { token: mod, body: { status: 'rejected' } });
      const removed = (await list('pin-rules')).comments[0]!;
      assert.equal(removed.status, 'removed', 'a pinned comment later removed is only a placeholder for its reply');
      assert.equal(removed.pinned, undefined);
    });

    it('labels comments by the article\'s authors: from the signed authorOf claim, or set by a moderator', async () => {
      const byWriter = await post(writer, 'authored', 'I wrote this article');
      assert.equal(byWriter.byAuthor, true, 'the answer to the post carries the label');
      const byAda = await post(ada, 'authored', 'a reader');
      const elsewhere = await post(writer, 'not-authored', 'just a reader here');
      assert.equal(elsewhere.byAuthor, undefined, 'authorOf names threads, not a person everywhere');
      const page = await list('authored');
      assert.equal(page.comments.find((c) => c.id === byWriter.id)?.byAuthor, true);
      assert.equal(page.comments.find((c) => c.id === byAda.id)?.byAuthor, undefined);

      assert.equal((await call(s.url, 'PUT', '/v1/threads/not-authored/authors', { token: ada, body: { authors: [byAda.author.id] } })).status, 403);
      const set = await call(s.url, 'PUT', '/v1/threads/not-authored/authors', { token: mod, body: { authors: [elsewhere.author.id] } });
      assert.deepEqual(set.json, { authors: [elsewhere.author.id] });
      const labelled = await list('not-authored');
      assert.equal(labelled.comments[0]!.byAuthor, true, 'the listing cache follows');
      await call(s.url, 'PUT', '/v1/threads/not-authored/authors', { token: mod, body: { authors: [] } });
      assert.equal((await list('not-authored')).comments[0]!.byAuthor, undefined);
    });
  });
}
