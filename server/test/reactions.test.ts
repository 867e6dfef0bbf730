import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, kinds, sleep, SseClient, startServer, token, type TestServer } from './helpers.js';

const CLIENT = { 'inkwell-client': 'browser-one-abcdefgh' };
const OTHER_CLIENT = { 'inkwell-client': 'browser-two-abcdefgh' };

for (const { kind, skip } of await kinds()) {
  describe(`reactions on ${kind}`, { skip }, () => {
    let s: TestServer;
    let alice: string;
    let bob: string;
    let mod: string;
    before(async () => {
      s = await startServer(kind, { INKWELL_SSE_HEARTBEAT: '1' });
      alice = await token({ sub: 'alice', name: 'Alice' });
      bob = await token({ sub: 'bob', name: 'Bob' });
      mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    });
    after(() => s?.close());

    const post = async (thread: string, body: string, as = alice, parentId?: string) =>
      (await call(s.url, 'POST', `/v1/threads/${thread}/comments`, { token: as, body: { body, parentId } })).json;
    const react = (path: string, as?: string, method = 'PUT', headers?: Record<string, string>) =>
      call(s.url, method, path, { token: as, headers });

    it('toggles one reaction per kind per reader, idempotently, and lists counts with the viewer\'s own', async () => {
      const c = await post('r-basic', 'React to me');
      const path = `/v1/comments/${c.id}/reactions/like`;
      const first = await react(path, alice);
      assert.equal(first.status, 200);
      assert.deepEqual(first.json, { counts: { like: 1 }, mine: ['like'] });
      assert.deepEqual((await react(path, alice)).json, { counts: { like: 1 }, mine: ['like'] }, 'adding twice changes nothing');
      assert.deepEqual((await react(path, bob)).json, { counts: { like: 2 }, mine: ['like'] });
      assert.deepEqual((await react(`/v1/comments/${c.id}/reactions/love`, bob)).json, { counts: { like: 2, love: 1 }, mine: ['like', 'love'] });

      const anonymous = await call(s.url, 'GET', '/v1/threads/r-basic/comments');
      assert.deepEqual(anonymous.json.comments[0].reactions, { counts: { like: 2, love: 1 } });
      assert.equal(anonymous.json.reactions, undefined, 'a thread nobody reacted to has no reactions');
      assert.match(anonymous.headers.get('cache-control')!, /public/);
      const asAlice = await call(s.url, 'GET', '/v1/threads/r-basic/comments', { token: alice });
      assert.deepEqual(asAlice.json.comments[0].reactions, { counts: { like: 2, love: 1 }, mine: ['like'] });
      assert.equal(asAlice.json.comments[0].own, true);
      const asBob = await call(s.url, 'GET', '/v1/threads/r-basic/comments', { token: bob });
      assert.deepEqual(asBob.json.comments[0].reactions.mine, ['like', 'love']);
      // A moderator's listing is built fresh, not from the public cache: the same data.
      const asMod = await call(s.url, 'GET', '/v1/threads/r-basic/comments', { token: mod });
      assert.deepEqual(asMod.json.comments[0].reactions, { counts: { like: 2, love: 1 } });

      assert.deepEqual((await react(path, alice, 'DELETE')).json, { counts: { like: 1, love: 1 } });
      assert.deepEqual((await react(path, alice, 'DELETE')).json, { counts: { like: 1, love: 1 } }, 'taking back twice changes nothing');
      const after = await call(s.url, 'GET', '/v1/threads/r-basic/comments', { token: alice });
      assert.deepEqual(after.json.comments[0].reactions, { counts: { like: 1, love: 1 } });
    });

    it('reacts to the thread itself and lists it as the page\'s reactions', async () => {
      await post('r-thread', 'A comment');
      const put = await react('/v1/threads/r-thread/reactions/celebrate', alice);
      assert.deepEqual(put.json, { counts: { celebrate: 1 }, mine: ['celebrate'] });
      await react('/v1/threads/r-thread/reactions/celebrate', bob);
      const page = await call(s.url, 'GET', '/v1/threads/r-thread/comments', { token: bob });
      assert.deepEqual(page.json.reactions, { counts: { celebrate: 2 }, mine: ['celebrate'] });
      assert.equal(page.json.comments[0].reactions, undefined, 'the thread\'s reactions are not the comment\'s');
      // A thread without comments takes reactions too.
      assert.equal((await react('/v1/threads/r-empty/reactions/like', alice)).status, 200);
      assert.deepEqual((await call(s.url, 'GET', '/v1/threads/r-empty/comments')).json.reactions, { counts: { like: 1 } });
    });

    it('refuses unknown kinds, missing comments and signed-out readers', async () => {
      const c = await post('r-bad', 'Bad input');
      const unknown = await react(`/v1/comments/${c.id}/reactions/angry`, alice);
      assert.equal(unknown.status, 400);
      assert.equal(unknown.json.error.code, 'invalid_input');
      assert.match(unknown.json.error.field ?? unknown.json.error.message, /kind/);
      assert.equal((await react('/v1/comments/c_nope/reactions/like', alice)).json.error.code, 'not_found');
      const guest = await react(`/v1/comments/${c.id}/reactions/like`, undefined, 'PUT', CLIENT);
      assert.equal(guest.status, 401);
      assert.equal(guest.json.error.code, 'auth_required');
    });

    it('takes no reaction on held or deleted comments, and a deleted comment\'s reactions go with it', async () => {
      const c = await post('r-gone', 'Soon gone');
      const reply = await post('r-gone', 'A reply keeps the tombstone', bob, c.id);
      await react(`/v1/comments/${c.id}/reactions/like`, bob);
      await react(`/v1/comments/${reply.id}/reactions/like`, alice);
      const held = await call(s.url, 'PATCH', `/v1/comments/${reply.id}`, { token: mod, body: { status: 'pending' } });
      assert.equal(held.status, 200);
      assert.equal((await react(`/v1/comments/${reply.id}/reactions/love`, bob)).status, 404, 'a held comment takes no new reaction');
      assert.equal((await react(`/v1/comments/${reply.id}/reactions/like`, alice, 'DELETE')).status, 200, 'one\'s reaction to it may still be taken back');
      await call(s.url, 'PATCH', `/v1/comments/${reply.id}`, { token: mod, body: { status: 'published' } });

      assert.equal((await call(s.url, 'DELETE', `/v1/comments/${c.id}`, { token: alice })).status, 204);
      assert.equal((await react(`/v1/comments/${c.id}/reactions/like`, bob)).status, 404);
      const page = await call(s.url, 'GET', '/v1/threads/r-gone/comments', { token: bob });
      assert.equal(page.json.comments[0].status, 'deleted');
      assert.equal(page.json.comments[0].reactions, undefined);
      const rows = await s.app.inkwell.db.selectFrom('reactions').selectAll().where('target', '=', c.id).execute();
      assert.deepEqual(rows, []);
    });

    it('sends changed counts live, never who reacted', async () => {
      const c = await post('r-live', 'Live');
      const sse = await SseClient.open(`${s.url}/v1/threads/r-live/events`);
      try {
        await sleep(50);
        await react(`/v1/comments/${c.id}/reactions/laugh`, bob);
        await react(`/v1/comments/${c.id}/reactions/laugh`, bob); // no change, no event
        await react('/v1/threads/r-live/reactions/like', alice);
        const forComment = await sse.waitFor((e) => e.event === 'reactions-changed');
        assert.deepEqual(JSON.parse(forComment.data), { thread: 'r-live', commentId: c.id, counts: { laugh: 1 } });
        const forThread = await sse.waitFor((e) => e.event === 'reactions-changed' && JSON.parse(e.data).commentId === null);
        assert.deepEqual(JSON.parse(forThread.data), { thread: 'r-live', commentId: null, counts: { like: 1 } }, 'the exact payload: counts, never who reacted');
        assert.equal(sse.events.filter((e) => e.event === 'reactions-changed').length, 2);
      } finally {
        sse.close();
      }
    });

    it('sorts by "top": most reactions first, paged by position', async () => {
      const ids: string[] = [];
      for (const body of ['zero', 'two', 'one', 'three']) ids.push((await post('r-top', `Comment ${body}`)).id);
      const readers = await Promise.all(['r1', 'r2', 'r3'].map((sub) => token({ sub, name: sub })));
      for (const [i, n] of [[1, 2], [2, 1], [3, 3]] as const) {
        for (let k = 0; k < n; k++) await react(`/v1/comments/${ids[i]}/reactions/like`, readers[k]);
      }
      const first = await call(s.url, 'GET', '/v1/threads/r-top/comments?sort=top&limit=2');
      assert.equal(first.status, 200);
      assert.deepEqual(first.json.comments.map((c: { body: string }) => c.body), ['Comment three', 'Comment two']);
      const second = await call(s.url, 'GET', `/v1/threads/r-top/comments?sort=top&limit=2&cursor=${first.json.nextCursor}`);
      assert.deepEqual(second.json.comments.map((c: { body: string }) => c.body), ['Comment one', 'Comment zero']);
      assert.equal(second.json.nextCursor, null);
      const wrongKind = await call(s.url, 'GET', `/v1/threads/r-top/comments?sort=oldest&limit=2`);
      const mixed = await call(s.url, 'GET', `/v1/threads/r-top/comments?sort=top&cursor=${wrongKind.json.nextCursor}`);
      assert.equal(mixed.status, 400);
      assert.equal(mixed.json.error.field, 'cursor');
      // The public listing (cached) follows a new reaction at once.
      for (const reader of readers) await react(`/v1/comments/${ids[0]}/reactions/love`, reader);
      await react(`/v1/comments/${ids[0]}/reactions/like`, alice);
      const again = await call(s.url, 'GET', '/v1/threads/r-top/comments?sort=top&limit=2');
      assert.deepEqual(again.json.comments.map((c: { body: string }) => c.body), ['Comment zero', 'Comment three']);
    });

    it('documents the routes and the kinds in the OpenAPI document', async () => {
      const doc = (await call(s.url, 'GET', '/v1/openapi.json')).json;
      assert.deepEqual(Object.keys(doc.paths['/v1/comments/{id}/reactions/{kind}']).sort(), ['delete', 'put']);
      assert.deepEqual(Object.keys(doc.paths['/v1/threads/{thread}/reactions/{kind}']).sort(), ['delete', 'put']);
      assert.deepEqual(Object.keys(doc.components.schemas.Reactions.properties.counts.properties), ['like', 'love', 'laugh', 'celebrate', 'insightful']);
      assert.ok(doc.components.schemas.Comment.properties.reactions);
    });
  });

  describe(`guest reactions and limits on ${kind}`, { skip }, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(kind, { INKWELL_GUEST_REACTIONS: 'on', INKWELL_REACTION_LIMIT: '3' });
    });
    after(() => s?.close());

    it('lets guests react once per kind per browser id, and marks theirs in listings', async () => {
      const alice = await token({ sub: 'alice', name: 'Alice' });
      const c = (await call(s.url, 'POST', '/v1/threads/g/comments', { token: alice, body: { body: 'Guests welcome' } })).json;
      const path = `/v1/comments/${c.id}/reactions/like`;
      const noId = await call(s.url, 'PUT', path);
      assert.equal(noId.status, 422);
      assert.equal(noId.json.error.field, 'inkwell-client');
      assert.deepEqual((await call(s.url, 'PUT', path, { headers: CLIENT })).json, { counts: { like: 1 }, mine: ['like'] });
      assert.deepEqual((await call(s.url, 'PUT', path, { headers: CLIENT })).json, { counts: { like: 1 }, mine: ['like'] });
      const page = await call(s.url, 'GET', '/v1/threads/g/comments', { headers: CLIENT });
      assert.deepEqual(page.json.comments[0].reactions, { counts: { like: 1 }, mine: ['like'] });
      assert.match(page.headers.get('cache-control')!, /private/);
      const other = await call(s.url, 'GET', '/v1/threads/g/comments', { headers: OTHER_CLIENT });
      assert.deepEqual(other.json.comments[0].reactions, { counts: { like: 1 } });
      assert.match(other.headers.get('cache-control')!, /public/, 'a guest with no reactions there gets the public page');
    });

    it('without a listing cache, lists a viewer\'s own page: private with a token or with their reactions marked, else public', async () => {
      const fresh = await startServer(kind, { INKWELL_GUEST_REACTIONS: 'on', INKWELL_LISTING_CACHE_MS: '0' });
      try {
        const alice = await token({ sub: 'alice', name: 'Alice' });
        const c = (await call(fresh.url, 'POST', '/v1/threads/g/comments', { token: alice, body: { body: 'Listed fresh' } })).json;
        await call(fresh.url, 'PUT', `/v1/comments/${c.id}/reactions/like`, { headers: CLIENT });
        const guest = await call(fresh.url, 'GET', '/v1/threads/g/comments', { headers: CLIENT });
        assert.deepEqual(guest.json.comments[0].reactions, { counts: { like: 1 }, mine: ['like'] });
        assert.match(guest.headers.get('cache-control')!, /private/);
        const other = await call(fresh.url, 'GET', '/v1/threads/g/comments', { headers: OTHER_CLIENT });
        assert.deepEqual(other.json.comments[0].reactions, { counts: { like: 1 } });
        assert.match(other.headers.get('cache-control')!, /public/);
        const own = await call(fresh.url, 'GET', '/v1/threads/g/comments', { token: alice });
        assert.equal(own.json.comments[0].own, true);
        assert.match(own.headers.get('cache-control')!, /private/);
      } finally {
        await fresh.close();
      }
    });

    it('limits reactions per reader, with Retry-After', async () => {
      const bob = await token({ sub: 'bob', name: 'Bob' });
      const statuses: number[] = [];
      let last;
      for (const kind of ['like', 'love', 'laugh', 'celebrate']) {
        last = await call(s.url, 'PUT', `/v1/threads/limited/reactions/${kind}`, { token: bob });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.equal(last!.json.error.code, 'rate_limited');
      assert.ok(Number(last!.headers.get('retry-after')) >= 1);
    });
  });
}
