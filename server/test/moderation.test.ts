import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, kinds, sleep, SseClient, startServer, token, type TestServer } from './helpers.js';

// Moderation must never leak: whoever may not read a comment gets at most a placeholder, and with
// pre-moderation the public never reads text a moderator has not approved.

interface Json {
  id: string;
  parentId: string | null;
  author: { id: string; name: string; guest: boolean };
  body: string;
  status: string;
  createdAt: string;
  thread: string;
  own?: boolean;
  editPending?: boolean;
  publishedBody?: string;
  replyCount?: number;
}

const byId = (comments: Json[], id: string) => comments.find((c) => c.id === id);

/** The placeholder a reader gets for a comment they may not read. */
const placeholder = (c: Json, status: string, extra: Record<string, unknown> = {}) => ({
  id: c.id, thread: c.thread, parentId: c.parentId, createdAt: c.createdAt,
  author: { id: '', name: '', guest: false }, body: '', status, ...extra,
});

for (const { kind, skip } of await kinds()) {
  describe(`moderation without leaks on ${kind}`, { skip }, () => {
    let s: TestServer;
    let receiver: http.Server;
    const hooks: Array<{ type: string; data: { comment: Json; held?: boolean } }> = [];
    let hilda: string, bert: string, sam: string, dave: string, erin: string, mod: string;
    before(async () => {
      receiver = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          hooks.push(JSON.parse(body));
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      const port = (receiver.address() as { port: number }).port;
      s = await startServer(kind, { INKWELL_MODERATION: 'pre', INKWELL_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, INKWELL_GUESTS: 'on' });
      hilda = await token({ sub: 'hilda', name: 'Hilda Heldwriter' });
      bert = await token({ sub: 'bert', name: 'Bert Rejectee' });
      sam = await token({ sub: 'sam', name: 'Sam Spammer' });
      dave = await token({ sub: 'dave', name: 'Dave' });
      erin = await token({ sub: 'erin', name: 'Erin' });
      mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    });
    after(async () => {
      await s?.close();
      receiver?.closeAllConnections();
      receiver?.close();
    });

    const post = async (t: string | undefined, thread: string, body: string, parentId?: string) => {
      const r = await call(s.url, 'POST', `/v1/threads/${thread}/comments`, { token: t, body: { body, ...(parentId ? { parentId } : {}) } });
      assert.equal(r.status, 201, r.text);
      return r.json as Json;
    };
    const moderate = async (id: string, status: string) => {
      const r = await call(s.url, 'PATCH', `/v1/comments/${id}`, { token: mod, body: { status } });
      assert.equal(r.status, 200, r.text);
      return r.json as Json;
    };
    const list = (thread: string, t?: string) => call(s.url, 'GET', `/v1/threads/${thread}/comments`, { token: t });

    it('lists held, rejected and spam comments with visible replies only as placeholders, to all but their author and moderators', async () => {
      const th = 'leaky';
      const held = await post(hilda, th, 'HELD-TEXT top');
      const heldReply = await post(mod, th, 'a moderator answers the held comment', held.id);
      const rejected = await post(bert, th, 'REJECTED-TEXT top');
      await post(mod, th, 'a moderator answers before rejecting', rejected.id);
      await moderate(rejected.id, 'rejected');
      const spam = await post(sam, th, 'SPAM-TEXT top');
      await post(mod, th, 'a moderator answers before marking spam', spam.id);
      await moderate(spam.id, 'spam');
      // A held reply with a visible reply below it.
      const open = await post(mod, th, 'an open question');
      const heldMid = await post(hilda, th, 'HELD-TEXT reply', open.id);
      const below = await post(mod, th, 'a moderator answers the held reply', heldMid.id);
      // Who may reply to a held comment: its author (held too) and moderators, nobody else.
      const other = await call(s.url, 'POST', `/v1/threads/${th}/comments`, { token: dave, body: { body: 'me too', parentId: held.id } });
      assert.equal(other.status, 422);
      assert.equal(other.json.error.code, 'parent_not_found');
      const ownReply = await post(hilda, th, 'HELD-TEXT own reply', held.id);
      assert.equal(ownReply.status, 'pending');
      // Dave has a held comment of his own here, so he gets a personal listing rather than the shared one.
      const daves = await post(dave, th, 'Dave waits');

      const secrets = ['HELD-TEXT', 'REJECTED-TEXT', 'SPAM-TEXT', 'Heldwriter', 'Rejectee', 'Spammer', held.author.id, rejected.author.id, spam.author.id];
      for (const [who, t] of [['anonymous', undefined], ['dave (personal listing)', dave], ['erin (shared listing)', erin]] as const) {
        const l = await list(th, t);
        assert.equal(l.status, 200);
        for (const secret of secrets) assert.ok(!l.text.includes(secret), `${who} reads ${secret}`);
        const comments = l.json.comments as Json[];
        assert.deepEqual(byId(comments, held.id), placeholder(held, 'held', { replyCount: 1 }), who);
        assert.deepEqual(byId(comments, rejected.id), placeholder(rejected, 'removed', { replyCount: 1 }), who);
        assert.deepEqual(byId(comments, spam.id), placeholder(spam, 'removed', { replyCount: 1 }), who);
        assert.deepEqual(byId(comments, heldMid.id), placeholder(heldMid, 'held'), who);
        assert.equal(byId(comments, heldReply.id)!.parentId, held.id);
        assert.equal(byId(comments, below.id)!.parentId, heldMid.id);
        assert.equal(byId(comments, ownReply.id), undefined, who);
        assert.equal(byId(comments, daves.id)?.body, t === dave ? 'Dave waits' : undefined, who);
      }

      // The author reads their own held comments in full, not the rejected one.
      const own = await list(th, hilda);
      assert.equal(byId(own.json.comments, held.id)!.body, 'HELD-TEXT top');
      assert.equal(byId(own.json.comments, held.id)!.own, true);
      assert.equal(byId(own.json.comments, heldMid.id)!.body, 'HELD-TEXT reply');
      assert.equal(byId(own.json.comments, ownReply.id)!.body, 'HELD-TEXT own reply');
      const bertsView = await list(th, bert);
      assert.deepEqual(byId(bertsView.json.comments, rejected.id), placeholder(rejected, 'removed', { replyCount: 1 }));

      // Moderators read everything, rejected and spam ones in their place.
      const mods = (await list(th, mod)).json.comments as Json[];
      assert.deepEqual(
        [held, rejected, spam, heldMid, ownReply].map((c) => [byId(mods, c.id)?.body, byId(mods, c.id)?.status]),
        [['HELD-TEXT top', 'pending'], ['REJECTED-TEXT top', 'rejected'], ['SPAM-TEXT top', 'spam'], ['HELD-TEXT reply', 'pending'], ['HELD-TEXT own reply', 'pending']],
      );

      // One comment: only to whom may read it.
      for (const c of [held, rejected, spam, heldMid]) {
        assert.equal((await call(s.url, 'GET', `/v1/comments/${c.id}`)).status, 404);
        assert.equal((await call(s.url, 'GET', `/v1/comments/${c.id}`, { token: dave })).status, 404);
        assert.equal((await call(s.url, 'GET', `/v1/comments/${c.id}`, { token: mod })).status, 200);
      }
      assert.equal((await call(s.url, 'GET', `/v1/comments/${held.id}`, { token: hilda })).json.body, 'HELD-TEXT top');
      assert.equal((await call(s.url, 'GET', `/v1/comments/${rejected.id}`, { token: bert })).status, 404);

      // Counts are what an anonymous reader is shown: the four published answers and the open question.
      const counts = await call(s.url, 'GET', `/v1/counts?thread=${th}`);
      const anonymous = await list(th);
      assert.equal(counts.json.counts[th], 5);
      assert.equal(anonymous.json.total, counts.json.counts[th]);
      assert.equal(anonymous.json.comments.filter((c: Json) => c.author.name !== '').length, 5);
    });

    it('never streams held text: posts, edits, approvals, holds, rejections, spam and deletions', async () => {
      const th = 'streamed';
      const sse = await SseClient.open(`${s.url}/v1/threads/${th}/events`);
      try {
        await sleep(50);
        const c = await post(hilda, th, 'SECRET first draft');
        assert.equal((await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: mod, body: { body: 'OK tidied by a moderator' } })).status, 200);
        await moderate(c.id, 'published');
        await sse.waitFor((e) => e.event === 'comment-created');
        // The author's edit waits for approval; a rejected edit leaves nothing to stream.
        assert.equal((await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'SECRET unreviewed edit' } })).status, 200);
        await moderate(c.id, 'rejected');
        assert.equal((await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'OK second edit' } })).status, 200);
        // Held with the edit pending, then approved: the edit becomes public only now.
        await moderate(c.id, 'pending');
        await sse.waitFor((e) => e.event === 'comment-deleted');
        await moderate(c.id, 'published');
        await sse.waitFor((e) => e.event === 'comment-created' && JSON.parse(e.data).body === 'OK second edit');
        // A held comment deleted by its author, and a held reply, stream nothing.
        const gone = await post(hilda, th, 'SECRET deleted while held');
        assert.equal((await call(s.url, 'DELETE', `/v1/comments/${gone.id}`, { token: hilda })).status, 204);
        await post(hilda, th, 'SECRET held reply', c.id);
        await moderate(c.id, 'spam');
        await sse.waitFor((e) => e.event === 'comment-deleted' && JSON.parse(e.data).status === 'removed');
        await sleep(200);

        const seen = sse.events.map((e) => [e.event, JSON.parse(e.data).status, JSON.parse(e.data).body, JSON.parse(e.data).author.name]);
        assert.deepEqual(seen, [
          ['comment-created', 'published', 'OK tidied by a moderator', 'Hilda Heldwriter'],
          ['comment-deleted', 'held', '', ''],
          ['comment-created', 'published', 'OK second edit', 'Hilda Heldwriter'],
          ['comment-deleted', 'removed', '', ''],
        ]);
        const replay = await SseClient.open(`${s.url}/v1/threads/${th}/events?lastEventId=0`);
        try {
          await replay.waitFor((e) => JSON.parse(e.data).status === 'removed');
          assert.deepEqual(replay.events.map((e) => e.data), sse.events.map((e) => e.data));
        } finally {
          replay.close();
        }
        for (const e of sse.events) assert.ok(!e.data.includes('SECRET'), e.data);
      } finally {
        sse.close();
      }
    });

    it('keeps showing the approved text until a moderator approves an author\'s edit', async () => {
      const th = 'edited';
      const c = await post(hilda, th, 'approved words');
      await moderate(c.id, 'published');
      const edit = await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'SECRET until approved' } });
      assert.equal(edit.status, 200);
      assert.deepEqual([edit.json.status, edit.json.body, edit.json.editPending, edit.json.publishedBody], ['published', 'SECRET until approved', true, 'approved words']);

      const publicly = async () => {
        for (const t of [undefined, erin]) {
          const l = await list(th, t);
          assert.ok(!l.text.includes('SECRET'), l.text);
          const one = await call(s.url, 'GET', `/v1/comments/${c.id}`, { token: t });
          assert.ok(!one.text.includes('SECRET'), one.text);
          assert.equal(one.json.editPending, undefined);
          assert.equal(one.json.publishedBody, undefined);
        }
        const l = await list(th);
        assert.equal(l.json.total, 1);
        assert.equal((await call(s.url, 'GET', `/v1/counts?thread=${th}`)).json.counts[th], 1);
        return l.json.comments[0] as Json;
      };
      assert.equal((await publicly()).body, 'approved words');
      // Its author reads the edit, flagged.
      const mine = (await list(th, hilda)).json.comments[0] as Json;
      assert.deepEqual([mine.body, mine.editPending, mine.publishedBody, mine.own], ['SECRET until approved', true, 'approved words', true]);

      // Moderators find it in the inbox and approve it: now it is public.
      const inbox = await call(s.url, 'GET', `/v1/comments?status=pending&thread=${th}`, { token: mod });
      assert.deepEqual(inbox.json.comments.map((x: Json) => [x.id, x.body, x.publishedBody, x.editPending]), [[c.id, 'SECRET until approved', 'approved words', true]]);
      assert.equal(inbox.json.total, 1);
      const approved = await moderate(c.id, 'published');
      assert.deepEqual([approved.body, approved.editPending, approved.status], ['SECRET until approved', undefined, 'published']);
      const shown = await call(s.url, 'GET', `/v1/comments/${c.id}`);
      assert.equal(shown.json.body, 'SECRET until approved');
      assert.ok(shown.json.editedAt);
      assert.equal((await call(s.url, 'GET', `/v1/comments?status=pending&thread=${th}`, { token: mod })).json.total, 0);

      // Rejecting an edit keeps the approved text published.
      await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'SECRET second edit' } });
      const rejected = await moderate(c.id, 'rejected');
      assert.deepEqual([rejected.status, rejected.body, rejected.editPending], ['published', 'SECRET until approved', undefined]);
      assert.equal((await list(th, hilda)).json.comments[0].editPending, undefined);

      // Editing back to the approved text withdraws the edit; deleting erases a pending one.
      await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'SECRET third edit' } });
      const back = await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'SECRET until approved' } });
      assert.equal(back.json.editPending, undefined);
      assert.equal((await call(s.url, 'GET', `/v1/comments?status=pending&thread=${th}`, { token: mod })).json.total, 0);
      await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'SECRET fourth edit' } });
      assert.equal((await call(s.url, 'DELETE', `/v1/comments/${c.id}`, { token: hilda })).status, 204);
      const tomb = await call(s.url, 'GET', `/v1/comments/${c.id}`, { token: mod });
      assert.ok(!tomb.text.includes('SECRET'), tomb.text);
      assert.equal(tomb.json.status, 'deleted');

      // A moderator's own change of the text is published at once and replaces a pending edit.
      const d = await post(hilda, th, 'second comment');
      await moderate(d.id, 'published');
      await call(s.url, 'PATCH', `/v1/comments/${d.id}`, { token: hilda, body: { body: 'SECRET yet another edit' } });
      const fixed = await call(s.url, 'PATCH', `/v1/comments/${d.id}`, { token: mod, body: { body: 'fixed by the desk' } });
      assert.deepEqual([fixed.json.body, fixed.json.editPending], ['fixed by the desk', undefined]);
      assert.equal((await list(th)).json.comments.find((x: Json) => x.id === d.id).body, 'fixed by the desk');
    });

    it('sends held comments to the webhook marked as held, and nothing for edits', async () => {
      await sleep(300);
      hooks.length = 0;
      const th = 'hooked';
      const c = await post(hilda, th, 'held for the hook');
      const m = await post(mod, th, 'published for the hook');
      await moderate(c.id, 'published');
      await call(s.url, 'PATCH', `/v1/comments/${c.id}`, { token: hilda, body: { body: 'SECRET edit for no hook' } });
      const spam = await call(s.url, 'POST', `/v1/threads/${th}/comments`, { body: { body: 'SECRET honeypot', author: { name: 'Bot' }, website: 'http://x.example' } });
      assert.equal(spam.json.status, 'spam');
      for (let i = 0; hooks.length < 2 && i < 100; i++) await sleep(20);
      await sleep(200);
      assert.deepEqual(
        hooks.map((h) => [h.type, h.data.comment.id, h.data.comment.status, h.data.comment.body, h.data.held]).sort((a, b) => String(a[3]).localeCompare(String(b[3]))),
        [['comment.created', c.id, 'pending', 'held for the hook', true], ['comment.created', m.id, 'published', 'published for the hook', false]],
      );
    });
  });
}
