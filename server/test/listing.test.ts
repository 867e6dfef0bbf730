import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../src/config.js';
import { openDatabase, type CommentTable } from '../src/db.js';
import { listThread } from '../src/comments/listing.js';
import { call, kinds, sleep, startServer, token, type TestServer } from './helpers.js';

// The listing's statements (comments/listing-sql.ts): a page's top-level comments with only their own
// replies, reply counts and the total; pages in both orders; chains of hidden replies as placeholders.

interface Json {
  id: string;
  parentId: string | null;
  status: string;
  body: string;
  replyCount?: number;
}

for (const { kind, skip } of await kinds()) {
  describe(`thread listing on ${kind}`, { skip }, () => {
    let s: TestServer;
    let ann: string, hal: string, mod: string;
    before(async () => {
      s = await startServer(kind, { INKWELL_MODERATION: 'pre', INKWELL_LISTING_CACHE_MS: '0', INKWELL_LOG_LEVEL: process.env.DBG ? 'error' : 'silent' });
      ann = await token({ sub: 'ann', name: 'Ann' });
      hal = await token({ sub: 'hal', name: 'Hal' });
      mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator' });
    });
    after(() => s?.close());

    const post = async (t: string, thread: string, body: string, parentId?: string) => {
      const r = await call(s.url, 'POST', `/v1/threads/${thread}/comments`, { token: t, body: { body, ...(parentId ? { parentId } : {}) } });
      assert.equal(r.status, 201, r.text);
      return r.json as Json;
    };
    const page = async (thread: string, query: string, t?: string) => {
      const r = await call(s.url, 'GET', `/v1/threads/${thread}/comments?${query}`, { token: t });
      assert.equal(r.status, 200, r.text);
      return r.json as { comments: Json[]; total: number; nextCursor: string | null };
    };

    it('lists each page\'s top-level comments followed by their replies only, with counts, in both orders', async () => {
      const th = `paged-${kind}`;
      const tops: Json[] = [];
      const repliesOf = new Map<string, string[]>();
      const allReplies: string[] = [];
      for (let i = 0; i < 5; i++) {
        const top = await post(mod, th, `top ${i}`);
        tops.push(top);
        const replies: string[] = [];
        for (let j = 0; j < i % 3; j++) replies.push((await post(mod, th, `reply ${i}.${j}`, top.id)).id);
        repliesOf.set(top.id, replies);
        allReplies.push(...replies);
      }
      await post(mod, `other-${kind}`, 'another thread');
      for (const [sort, order] of [['oldest', tops], ['newest', [...tops].reverse()]] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const p = await page(th, `sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(p.total, tops.length + allReplies.length, 'every visible comment of the thread, replies included');
          const listedTops = p.comments.filter((c) => c.parentId === null);
          assert.ok(listedTops.length <= 2);
          const theirs = new Set(listedTops.flatMap((c) => repliesOf.get(c.id)!));
          // Replies oldest first, whatever the order of the page.
          assert.deepEqual(p.comments.slice(listedTops.length).map((c) => c.id), allReplies.filter((id) => theirs.has(id)));
          for (const c of listedTops) assert.equal(c.replyCount, repliesOf.get(c.id)!.length);
          seen.push(...listedTops.map((c) => c.id));
          cursor = p.nextCursor;
        } while (cursor);
        assert.deepEqual(seen, order.map((c) => c.id), sort);
      }
    });

    it('lists a chain of held replies above a visible one as placeholders, and in full to their author and moderators', async () => {
      const th = `chain-${kind}`;
      const top = await post(mod, th, 'open question');
      const held1 = await post(hal, th, 'HELD one', top.id);
      const held2 = await post(hal, th, 'HELD two', held1.id);
      const answer = await post(mod, th, 'a moderator answers', held2.id);
      const anonymous = await page(th, 'limit=10');
      assert.deepEqual(anonymous.comments.map((c) => [c.id, c.status, c.body]), [
        [top.id, 'published', 'open question'], [held1.id, 'held', ''], [held2.id, 'held', ''], [answer.id, 'published', 'a moderator answers'],
      ]);
      assert.equal(anonymous.comments[0]!.replyCount, 1, 'visible replies only');
      assert.equal(anonymous.total, 2);
      assert.equal((await page(th, 'limit=10', ann)).comments.filter((c) => c.status === 'held').length, 2);
      for (const t of [hal, mod]) {
        const full = await page(th, 'limit=10', t);
        assert.deepEqual(full.comments.map((c) => c.status), ['published', 'pending', 'pending', 'published']);
        assert.equal(full.comments[0]!.replyCount, 3);
        assert.equal(full.total, 4);
      }
    });
  });
}

describe('thread listing on sqlite during a write', () => {
  it('does not read what an open transaction has written on the same connection', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-listing-'));
    const database = await openDatabase(loadConfig({ INKWELL_DATA_DIR: dir }, []));
    try {
      const row = (id: string): CommentTable => ({
        id, thread: 't', parent_id: null, root_id: id, author_id: 'a', author_name: 'A', author_picture: null, author_email: null,
        guest: 0, body: 'text', body_hash: id, status: 'published', created_at: Date.now(), edited_at: null, pending_body: null, pending_edited_at: null,
      });
      await database.db.insertInto('comments').values(row('c_committed')).execute();
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const write = database.db.transaction().execute(async (trx) => {
        await trx.insertInto('comments').values(row('c_rolled_back')).execute();
        await held;
        throw new Error('rolled back');
      }).catch(() => {});
      await sleep(20);
      const listing = listThread(database, 't', null, { sort: 'oldest', limit: 10 });
      release();
      await write;
      const page = await listing;
      assert.deepEqual(page.comments.map((c) => c.id), ['c_committed']);
      assert.equal(page.total, 1);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
