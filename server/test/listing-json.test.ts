import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import type { Viewer } from '../src/auth.js';
import { listThread, listThreadJson } from '../src/comments/listing.js';
import { isoTimeSql, PLAIN_JSON_INDEX, sqliteJsonStatements, TOP_JSON_INDEX, topJsonIndexSql } from '../src/comments/listing-json.js';
import { CommentPageSchema, CommentSchema, type CommentPage, type ThreadQuery } from '../src/comments/schemas.js';
import { ReactionsSchema } from '../src/reactions/schemas.js';
import { withReactions } from '../src/reactions/listing.js';
import { withOwnFlags, type CachedPage } from '../src/comments/views.js';
import { call, kinds, startServer, token, type TestServer } from './helpers.js';

// The listing's JSON as the database writes it (comments/listing-json.ts) against the listing's objects
// as the route's response schema serialises them: byte for byte, for every viewer, order, page and
// cursor, over a thread with every kind of comment a listing shows.

// What Fastify compiles the route's response schema with (the same package, as its serializer compiler calls it).
const serialize = fastJsonStringify(CommentPageSchema as unknown as Schema, {
  schema: { Comment: CommentSchema, Reactions: ReactionsSchema } as unknown as Record<string, Schema>,
}) as (page: CommentPage) => string;

const TRICKY = 'Quote " backslash \\ slash / newline\nTab\t line sep \u2028 para sep \u2029 controls \u0001\u001f\u007f é 中文 😀 </script><b>&amp;';

for (const { kind, skip } of await kinds()) {
  describe(`listing JSON written by ${kind}`, { skip }, () => {
    let s: TestServer;
    const thread = 'json-equal';
    const viewers: Record<string, Viewer | null> = { anonymous: null };
    const tokens: Record<string, string> = {};
    const ids: Record<string, string> = {};

    before(async () => {
      s = await startServer(kind, { INKWELL_MODERATION: 'pre', INKWELL_LISTING_CACHE_MS: '0', INKWELL_MIN_SUBMIT_SECONDS: '0' });
      tokens.ann = await token({ sub: 'ann', name: 'Ann "Quotes" Ü \u2028', picture: 'https://example.com/ann.png?a=1&b="2"', authorOf: [thread] });
      tokens.hal = await token({ sub: 'hal', name: 'Hal' });
      tokens.mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
      const send = async (who: string, method: string, path: string, body?: unknown, status = 200) => {
        const r = await call(s.url, method, path, { token: tokens[who], body });
        assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
        return r.json;
      };
      const post = async (who: string, name: string, body: string, parent?: string) => {
        const c = await send(who, 'POST', `/v1/threads/${thread}/comments`, { body, ...(parent ? { parentId: ids[parent] } : {}) }, 201);
        ids[name] = c.id;
        return c;
      };
      const approve = (name: string) => send('mod', 'PATCH', `/v1/comments/${ids[name]}`, { status: 'published' });
      // Published by a moderator, with the tricky text; reactions from two readers, one with two kinds.
      await post('mod', 'a', TRICKY);
      // By a thread author (label, picture), approved, pinned, with a reaction; a reply to it by another reader.
      const b = await post('ann', 'b', `Ann's comment: ${TRICKY}`);
      await approve('b');
      await post('hal', 'b1', 'A reply to Ann', 'b');
      await approve('b1');
      await post('mod', 'b2', 'A moderator replies too', 'b');
      // Held: the public sees a placeholder (it has a visible reply), Hal and moderators the comment.
      await post('hal', 'c', 'Held for moderation');
      await post('mod', 'c1', 'Reply below a held comment', 'c');
      // Approved, then edited under pre-moderation: Hal and moderators see the edit awaiting approval.
      await post('hal', 'd', 'Before the edit');
      await approve('d');
      await send('hal', 'PATCH', `/v1/comments/${ids.d}`, { body: `After the edit ${TRICKY}` });
      // Deleted with a reply: a placeholder for everyone.
      await post('mod', 'e', 'To be deleted');
      await post('mod', 'e1', 'Reply that stays', 'e');
      await send('mod', 'DELETE', `/v1/comments/${ids.e}`, undefined, 204);
      // Rejected with a reply: `removed` for readers, in full (rejected) for moderators.
      await post('mod', 'f', 'To be rejected');
      await post('mod', 'f1', 'Reply to a rejected one', 'f');
      await approve('f1');
      await send('mod', 'PATCH', `/v1/comments/${ids.f}`, { status: 'rejected' });
      // Ann's own pending comment, without replies: only Ann and moderators see it.
      await post('ann', 'g', 'Ann waits');
      for (let i = 0; i < 3; i++) await post('mod', `h${i}`, `Plain comment ${i}`);
      await send('ann', 'PUT', `/v1/comments/${ids.a}/reactions/like`);
      await send('hal', 'PUT', `/v1/comments/${ids.a}/reactions/like`);
      await send('hal', 'PUT', `/v1/comments/${ids.a}/reactions/insightful`);
      await send('hal', 'PUT', `/v1/comments/${ids.a}/reactions/love`);
      await send('ann', 'PUT', `/v1/comments/${ids.b}/reactions/celebrate`);
      await send('hal', 'PUT', `/v1/comments/${ids.b1}/reactions/laugh`);
      await send('ann', 'PUT', `/v1/threads/${thread}/reactions/love`);
      await send('mod', 'PUT', `/v1/comments/${ids.b}/pin`);
      // The viewers as the server knows them: author ids as it derives them.
      viewers.ann = { authorId: b.author.id, name: 'Ann', picture: null, role: 'reader', authorOf: [thread] };
      const d = await send('hal', 'GET', `/v1/comments/${ids.d}`);
      viewers.hal = { authorId: d.author.id, name: 'Hal', picture: null, role: 'reader' };
      const a = await send('mod', 'GET', `/v1/comments/${ids.a}`);
      viewers.mod = { authorId: a.author.id, name: 'Mo', picture: null, role: 'moderator' };
    });
    after(() => s?.close());

    /** Both texts of every page of one order and size, following the cursors; the number of pages. */
    async function comparePages(viewer: Viewer | null, reactor: string | null, sort: ThreadQuery['sort'], limit: number, thread = 'json-equal'): Promise<number> {
      const { database, db } = s.app.inkwell;
      let cursor: string | undefined;
      let pages = 0;
      do {
        const q: ThreadQuery = { sort, limit, ...(cursor ? { cursor } : {}) };
        const expected = serialize(await withReactions(db, thread, await listThread(database, thread, viewer, q), reactor));
        const written = await listThreadJson(database, thread, viewer, reactor, q);
        assert.equal(written, expected, `${sort}, limit ${limit}, page ${pages + 1}`);
        cursor = JSON.parse(expected).nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 50);
      return pages;
    }

    for (const who of ['anonymous', 'ann', 'hal', 'mod']) {
      it(`is the schema serializer's text, byte for byte, for ${who}`, async () => {
        const viewer = viewers[who]!;
        for (const sort of ['oldest', 'newest', 'top'] as const) {
          for (const limit of [1, 2, 3, 100]) {
            const pages = await comparePages(viewer, viewer?.authorId ?? null, sort, limit);
            if (limit === 1) assert.ok(pages > 5, `${sort}: ${pages} pages of one`);
          }
        }
      });
    }

    it('flags a reader\'s own comments in the cached public page as JSON.stringify of the flagged copies, from parts kept per page', async () => {
      const { database } = s.app.inkwell;
      for (const sort of ['oldest', 'newest', 'top'] as const) {
        for (const limit of [2, 100]) {
          const body = (await listThreadJson(database, thread, null, null, { sort, limit }))!;
          const cached: CachedPage = { body, page: JSON.parse(body) as CommentPage };
          for (const who of ['ann', 'hal', 'mod']) {
            const { authorId } = viewers[who]!;
            const page = cached.page;
            const expected = page.comments.some((c) => c.author.id === authorId)
              ? JSON.stringify({ ...page, comments: page.comments.map((c) => (c.author.id === authorId ? { ...c, own: true } : c)) })
              : body;
            assert.equal(withOwnFlags(cached, authorId), expected, `${sort}, limit ${limit}, ${who}`);
            assert.equal(withOwnFlags(cached, authorId), expected, `${sort}, limit ${limit}, ${who}, from the kept parts`);
          }
        }
      }
    });

    it('writes what the page holds: every kind of comment, reactions with `mine`, labels, pin, unicode', async () => {
      const text = (await listThreadJson(s.app.inkwell.database, thread, viewers.hal!, viewers.hal!.authorId, { sort: 'oldest', limit: 100 }))!;
      const page = JSON.parse(text) as CommentPage;
      const byId = new Map(page.comments.map((c) => [c.id, c]));
      assert.equal(byId.get(ids.a!)!.body, TRICKY);
      assert.deepEqual(byId.get(ids.a!)!.reactions, { counts: { like: 2, love: 1, insightful: 1 }, mine: ['like', 'love', 'insightful'] });
      assert.equal(byId.get(ids.b!)!.pinned, true);
      assert.equal(byId.get(ids.b!)!.byAuthor, true);
      assert.equal(byId.get(ids.b!)!.replyCount, 2);
      assert.equal(byId.get(ids.b!)!.author.picture, 'https://example.com/ann.png?a=1&b="2"');
      assert.equal(byId.get(ids.c!)!.own, true);
      assert.equal(byId.get(ids.d!)!.editPending, true);
      assert.equal(byId.get(ids.e!)!.status, 'deleted');
      assert.equal(byId.get(ids.f!)!.status, 'removed');
      assert.deepEqual(page.reactions, { counts: { love: 1 } });
      assert.equal(page.comments[0]!.id, ids.b, 'the pinned comment first');
      assert.match(text, /\\u0001\\u001f/);
      assert.match(text, /\u2028/);
    });

    it('writes a thread as the serializer does before and after it has replies, reactions, authors (SQLite: statements for what it has)', async () => {
      const plain = 'json-plain';
      const send = async (who: string, method: string, path: string, body?: unknown) => {
        const r = await call(s.url, method, path, { token: tokens[who], body });
        assert.ok(r.status < 300, `${method} ${path}: ${r.text}`);
        return r.json;
      };
      const compareAll = async (step: string) => {
        for (const who of ['anonymous', 'ann', 'hal', 'mod']) {
          const viewer = viewers[who]!;
          for (const sort of ['oldest', 'newest', 'top'] as const) {
            // 4 and 5: pages that hold exactly what some viewer sees (SQLite counts the total of such a page itself).
            for (const limit of [2, 4, 5, 100]) await comparePages(viewer, viewer?.authorId ?? null, sort, limit, plain).catch((err) => {
              throw new Error(`${step}, ${who}: ${err.message}`);
            });
          }
        }
      };
      const first = await send('mod', 'POST', `/v1/threads/${plain}/comments`, { body: 'First' });
      await send('hal', 'POST', `/v1/threads/${plain}/comments`, { body: 'Held, by Hal' });
      for (let i = 0; i < 3; i++) await send('ann', 'POST', `/v1/threads/${plain}/comments`, { body: `Ann's ${i}` }).then((c) => send('mod', 'PATCH', `/v1/comments/${c.id}`, { status: 'published' }));
      await compareAll('top-level comments only');
      const reply = await send('hal', 'POST', `/v1/threads/${plain}/comments`, { body: 'A held reply', parentId: first.id });
      await compareAll('a held reply');
      await send('mod', 'PATCH', `/v1/comments/${reply.id}`, { status: 'published' });
      await compareAll('a reply');
      await send('hal', 'PUT', `/v1/comments/${first.id}/reactions/like`);
      await compareAll('a reaction');
      await send('mod', 'PUT', `/v1/threads/${plain}/authors`, { authors: [viewers.mod!.authorId] });
      await compareAll('an author');
      await send('hal', 'DELETE', `/v1/comments/${first.id}/reactions/like`);
      await send('ann', 'PUT', `/v1/threads/${plain}/reactions/love`);
      await compareAll('only a reaction to the thread');
      const page = JSON.parse((await listThreadJson(s.app.inkwell.database, plain, null, null, { sort: 'oldest', limit: 100 }))!) as CommentPage;
      assert.deepEqual(page.comments.map((c) => [c.byAuthor ?? false, c.replyCount]).slice(0, 2), [[true, 1], [false, 0]]);
      assert.deepEqual(page.reactions, { counts: { love: 1 } });
    });

    // SQLite only: PostgreSQL writes the listing in its own process, without such an index.
    if (kind === 'sqlite') it('SQLite: reads top-level comments\' JSON in the page\'s order from the index that holds it, without sorting', async () => {
      // A statement names the expression to read the stored value; another expression would be written again for every comment.
      const sqlite = s.app.inkwell.database.sqlite!;
      const index = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(TOP_JSON_INDEX);
      assert.equal(index, topJsonIndexSql());
      assert.equal(sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = ?`).pluck().get(PLAIN_JSON_INDEX), 0);
      for (const sort of ['oldest', 'newest'] as const) {
        for (const pin of [false, true]) {
          const has = { reactions: true, authors: true, replies: true, pin };
          const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sqliteJsonStatements(sort, false, has).page.replace(/\$(\d+)/g, '@p$1')}`)
            .all({ p1: thread, p2: null, p3: 0, p4: 11, p5: null }) as { detail: string }[];
          const steps = plan.map((step) => step.detail);
          assert.ok(steps.some((step) => step.includes(`COVERING INDEX ${TOP_JSON_INDEX} (thread=? AND parent_id=?)`)), `${sort} ${pin}: ${steps.join(' | ')}`);
          assert.ok(!steps.some((step) => step.includes('TEMP B-TREE FOR ORDER BY')), `${sort} ${pin}: ${steps.join(' | ')}`);
        }
      }
    });

    // SQLite plans a statement with a plain `LIMIT $n` again whenever $n is bound, which is on every run:
    // the page statement was prepared anew for every listing (perf: sqlite3Reprepare, half its time).
    if (kind === 'sqlite') it('SQLite: page statements bind no plain LIMIT or OFFSET parameter (planned once, not on every listing)', () => {
      for (const sort of ['oldest', 'newest', 'top'] as const) {
        for (const afterCursor of [false, true]) {
          for (let flags = 0; flags < 16; flags++) {
            const has = { reactions: (flags & 1) > 0, authors: (flags & 2) > 0, replies: (flags & 4) > 0, pin: (flags & 8) > 0 };
            for (const [name, text] of Object.entries(sqliteJsonStatements(sort, afterCursor, has))) {
              assert.doesNotMatch(text, /\b(LIMIT|OFFSET)\s+\$\d/i, `${sort} ${afterCursor} ${JSON.stringify(has)} ${name}`);
            }
          }
        }
      }
    });

    it('writes times as Date#toISOString does, to the millisecond, before 1970 and up to year 9999', async () => {
      const { database } = s.app.inkwell;
      const times = [0, 1, 999, 1000, 1001, 59_999, 86_399_999, 86_400_000, 951_782_399_999, 1_764_645_000_999, 253_402_300_799_999, -1, -999, -1000, -1001, -86_400_001];
      for (let i = 0; i < 200; i++) times.push(Math.floor(Math.random() * 4_102_444_800_000));
      const query = database.prepare<[string]>('', `SELECT ${isoTimeSql(kind, kind === 'postgres' ? '$1::bigint' : '$1')}`);
      for (const ms of times) assert.equal((await query([ms]))[0]![0], JSON.stringify(new Date(ms).toISOString()), `${ms}`);
    });

    it('leaves chains of hidden replies to the object path (null), which adds their placeholders', async () => {
      const chain = 'json-chain';
      const send = (who: string, method: string, path: string, body?: unknown) => call(s.url, method, path, { token: tokens[who], body });
      const top = (await send('mod', 'POST', `/v1/threads/${chain}/comments`, { body: 'Top' })).json;
      const mid = (await send('mod', 'POST', `/v1/threads/${chain}/comments`, { body: 'Middle', parentId: top.id })).json;
      await send('mod', 'POST', `/v1/threads/${chain}/comments`, { body: 'Bottom', parentId: mid.id });
      const q: ThreadQuery = { sort: 'oldest', limit: 10 };
      assert.notEqual(await listThreadJson(s.app.inkwell.database, chain, null, null, q), null);
      await send('mod', 'DELETE', `/v1/comments/${mid.id}`);
      assert.equal(await listThreadJson(s.app.inkwell.database, chain, null, null, q), null);
      const r = await call(s.url, 'GET', `/v1/threads/${chain}/comments`);
      assert.deepEqual(r.json.comments.map((c: { status: string }) => c.status), ['published', 'deleted', 'published']);
    });
  });
}
