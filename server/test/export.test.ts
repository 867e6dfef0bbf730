import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type CommentTable, type ReactionTable } from '../src/db.js';
import { call, dropSchema, kinds, PG_URL, randomSchema, startServer, token, type Res, type TestServer } from './helpers.js';
import { allRows, cli, databaseEnv, FIXTURES, importInto, scratch } from './porting-helpers.js';

const THREAD = 'https://news.example/2024/story';
const T = encodeURIComponent(THREAD);
/** Two guests' browsers (guests react with INKWELL_GUEST_REACTIONS=on). */
const GUEST_A = { 'inkwell-client': 'browser-one-abcdefgh' };
const GUEST_B = { 'inkwell-client': 'browser-two-abcdefgh' };

/**
 * A server with a bit of everything: reader, moderator and guest comments, a reply, an edit awaiting approval, spam, a deletion, a rejection,
 * reactions of readers and guests to comments and to the thread, typo reports and imported comments.
 */
async function populate(s: TestServer): Promise<void> {
  const mod = await token({ sub: 'mo', name: 'Mo', role: 'moderator', picture: 'https://example.com/mo.png' });
  const reader = await token({ sub: 'rea', name: 'Réa 👩‍💻' });
  const post = async (body: Record<string, unknown>, t?: string) => {
    const r = await call(s.url, 'POST', `/v1/threads/${T}/comments`, { token: t, body });
    assert.equal(r.status, 201, r.text);
    return r.json.id as string;
  };
  const patch = async (id: string, body: Record<string, unknown>, t: string) => {
    const r = await call(s.url, 'PATCH', `/v1/comments/${id}`, { token: t, body });
    assert.equal(r.status, 200, r.text);
  };
  const top = await post({ body: 'The **first** word — with `code`' }, mod);
  const reply = await post({ body: 'A reply, held first', parentId: top }, reader);
  await patch(reply, { status: 'published' }, mod);
  await patch(reply, { body: 'A reply, edited: awaiting approval' }, reader);
  const guest = await post({ body: 'A guest with an address', author: { name: 'Gus', email: 'gus@example.com' } });
  await patch(guest, { status: 'spam' }, mod);
  const gone = await post({ body: 'Soon deleted', parentId: top }, reader);
  assert.equal((await call(s.url, 'DELETE', `/v1/comments/${gone}`, { token: reader })).status, 204);
  const rejected = await post({ body: 'Rejected' }, reader);
  await patch(rejected, { status: 'rejected' }, mod);
  // A banned reader's comment, hidden with the ban (status `hidden`), approved first (a ban hides what is published).
  const banned = await token({ sub: 'ban', name: 'Banned' });
  const hidden = await call(s.url, 'POST', `/v1/threads/${T}/comments`, { token: banned, body: { body: 'Hidden with a ban' } });
  await patch(hidden.json.id, { status: 'published' }, mod);
  assert.equal((await call(s.url, 'PUT', `/v1/bans/${hidden.json.author.id}`, { token: mod, body: { hideComments: true } })).status, 200);
  const react = async (target: string, kind: string, as: { token?: string; headers?: Record<string, string> }) => {
    const r = await call(s.url, 'PUT', `${target}/reactions/${kind}`, as);
    assert.equal(r.status, 200, r.text);
  };
  for (const [target, kind, as] of [
    [`/v1/comments/${top}`, 'like', { token: reader }], [`/v1/comments/${top}`, 'love', { token: reader }], [`/v1/comments/${top}`, 'like', { token: mod }],
    [`/v1/comments/${top}`, 'like', { headers: GUEST_A }], [`/v1/comments/${top}`, 'celebrate', { headers: GUEST_B }],
    [`/v1/comments/${reply}`, 'laugh', { headers: GUEST_A }], [`/v1/comments/${reply}`, 'insightful', { token: mod }],
    [`/v1/threads/${T}`, 'like', { token: reader }], [`/v1/threads/${T}`, 'like', { headers: GUEST_A }], [`/v1/threads/${T}`, 'love', { headers: GUEST_B }],
  ] as const) await react(target, kind, as);
  for (const selection of ['teh', 'recieve']) {
    const r = await call(s.url, 'POST', '/v1/typo-reports', {
      body: { url: THREAD, title: 'A story', lang: 'en', selection, prefix: 'This is ', suffix: ' story', fragment: `${THREAD}#:~:text=${selection}`, suggestion: null, comment: 'typo', modifiedAt: null },
    });
    assert.equal(r.status, 201, r.text);
  }
  const imported = await importInto(s, 'disqus', path.join(FIXTURES, 'disqus.xml'));
  assert.equal(imported.code, 0, imported.stderr);
}

/** Rows as they must come back; a deleted comment's hash (of text that is gone) is derived, not kept. */
const comparable = (rows: CommentTable[]) => rows.map((r) => (r.status === 'deleted' ? { ...r, body_hash: '' } : r));

describe('inkwell-server export, then import --from inkwell', async () => {
  for (const { kind, skip } of await kinds()) {
    it(`gives back the same rows and the same listings on an empty database, and a second import adds nothing (${kind})`, { skip }, async () => {
      const env = { INKWELL_GUESTS: 'on', INKWELL_GUEST_REACTIONS: 'on', INKWELL_MODERATION: 'pre' };
      const a = await startServer(kind, env);
      const dir = scratch();
      // The second server starts on the imported database: servers read the author and address keys at start.
      const target: Record<string, string> = kind === 'sqlite' ? { INKWELL_DATA_DIR: path.join(dir, 'b') } : { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: randomSchema() };
      let b: TestServer | undefined;
      try {
        await populate(a);
        const file = path.join(dir, 'inkwell-export.json');
        const out = await cli(['export', file, '--with-author-key', '--with-address-key'], databaseEnv(a));
        assert.equal(out.code, 0, out.stderr);
        assert.match(out.stderr, /^inkwell: wrote 16 comments in 3 threads, 10 reactions and 2 typo reports to .*inkwell-export\.json\n$/);
        assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'readable by its owner only: it holds e-mail addresses');

        const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
        assert.equal(doc.format, 'inkwell-export');
        assert.equal(doc.version, 1);
        assert.ok(!doc.leftOut.some((l: string) => /reactions: not exported|author_id_key|address_key/.test(l)), doc.leftOut.join('\n'));
        assert.equal(typeof doc.authorIdKey, 'string');
        assert.equal(typeof doc.addressKey, 'string');
        assert.equal(doc.reactions.length, 10);
        const onThread = doc.reactions.filter((r: { commentId: unknown }) => r.commentId === null);
        assert.deepEqual(onThread.map((r: { kind: string }) => r.kind).sort(), ['like', 'like', 'love']);
        assert.deepEqual(Object.keys(onThread[0]), ['thread', 'commentId', 'kind', 'reactor', 'createdAt']);
        assert.deepEqual(doc.threads.find((t: { id: string }) => t.id === THREAD), { id: THREAD, comments: 6 });
        const gus = doc.comments.find((c: { authorName: string }) => c.authorName === 'Gus');
        assert.deepEqual([gus.authorEmail, gus.status, gus.guest], ['gus@example.com', 'spam', true]);
        assert.equal(doc.comments.find((c: { body: string }) => c.body === 'Hidden with a ban').status, 'hidden');

        const back = await cli(['import', '--from', 'inkwell', file], target);
        assert.equal(back.code, 0, back.stderr);
        assert.match(back.stdout, /^3 threads, added 16 comments, 0 already there, 0 skipped$/m);
        assert.match(back.stdout, /^typo reports: added 2, 0 already there$/m);
        assert.match(back.stdout, /^reactions: added 10, 0 already there$/m);
        assert.match(back.stdout, /^author key: taken from the export; restart servers/m);
        assert.match(back.stdout, /^address key: taken from the export; restart servers/m);
        b = await startServer(kind, { ...env, ...target });
        const before = await allRows(a);
        const after = await allRows(b);
        assert.deepEqual(comparable(after.comments), comparable(before.comments));
        assert.deepEqual(after.typoReports, before.typoReports);
        assert.deepEqual(after.reactions, before.reactions);
        // Readers, authors, moderators and guests are shown the same (reaction counts and their own reactions); authors still own their comments.
        const [mo, rea] = [await token({ sub: 'mo', name: 'Mo', role: 'moderator' }), await token({ sub: 'rea', name: 'Réa' })];
        const viewers = [{}, { token: mo }, { token: rea }, { headers: GUEST_A }, { headers: GUEST_B }];
        for (const as of viewers) {
          const [x, y]: Res[] = await Promise.all([a, b!].map((s) => call(s.url, 'GET', `/v1/threads/${T}/comments`, as)));
          assert.deepEqual(y!.json, x!.json);
        }
        const guestA = (await call(b.url, 'GET', `/v1/threads/${T}/comments`, { headers: GUEST_A })).json;
        assert.deepEqual(guestA.reactions, { counts: { like: 2, love: 1 }, mine: ['like'] });
        const topA = guestA.comments.find((c: { body: string }) => c.body.startsWith('The **first**'));
        assert.deepEqual(topA.reactions, { counts: { like: 3, love: 1, celebrate: 1 }, mine: ['like'] });
        const topRea = (await call(b.url, 'GET', `/v1/threads/${T}/comments`, { token: rea })).json.comments.find((c: { body: string }) => c.body.startsWith('The **first**'));
        assert.deepEqual(topRea.reactions.mine, ['like', 'love']);
        assert.ok(JSON.stringify((await call(b.url, 'GET', `/v1/threads/${T}/comments`, { token: rea })).json).includes('"own":true'));

        const again = await cli(['import', '--from', 'inkwell', file], target);
        assert.match(again.stdout, /^3 threads, added 0 comments, 16 already there, 0 skipped$/m);
        assert.match(again.stdout, /^reactions: added 0, 10 already there$/m);
        assert.deepEqual(await allRows(b), after);
      } finally {
        await Promise.all([a.close(), b?.close()]);
        if (target.INKWELL_DATABASE_SCHEMA) await dropSchema(target.INKWELL_DATABASE_SCHEMA);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it(`writes every reaction when they fill several pages, and reads them all back (${kind})`, { skip }, async () => {
      const a = await startServer(kind);
      const b = await startServer(kind);
      const dir = scratch();
      try {
        // Pages follow (thread, target, kind, reactor): many rows share their first columns, a page ends inside a thread, and the threads differ in case and script.
        const rows: ReactionTable[] = [];
        for (const thread of ['https://b.example/Ä', 'https://b.example/a', 'https://b.example/B']) {
          for (let r = 0; r < 230; r++) {
            for (const kind of ['like', 'love']) rows.push({ thread, target: r % 2 ? '' : `c_${r % 7}`, kind, reactor: `u_${r}`, created_at: 1_700_000_000_000 + r });
          }
        }
        const database = await openDatabase(a.config);
        try {
          for (let i = 0; i < rows.length; i += 300) await database.db.insertInto('reactions').values(rows.slice(i, i + 300)).execute();
        } finally {
          await database.close();
        }
        const file = path.join(dir, 'many.json');
        const out = await cli(['export', file], databaseEnv(a));
        assert.match(out.stderr, /1380 reactions/, out.stderr);
        const keys = JSON.parse(fs.readFileSync(file, 'utf8')).reactions.map((r: Record<string, string>) => [r.thread, r.commentId, r.kind, r.reactor].join(' '));
        assert.equal(new Set(keys).size, 1380);
        // Reactions to comments that are not there are passed over; the thread's own are all taken.
        const run = await cli(['import', '--from', 'inkwell', file], databaseEnv(b));
        assert.match(run.stdout, /^reactions: added 690, 0 already there$/m);
        assert.match(run.stdout, /690 × a reaction to a comment that is not in the database/);
        assert.deepEqual((await allRows(b)).reactions, (await allRows(a)).reactions.filter((r) => r.target === ''));
      } finally {
        await Promise.all([a.close(), b.close()]);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('keeps a database\'s own author and address keys once readers have commented and guests reacted there, and says so', async () => {
    const a = await startServer('sqlite');
    const b = await startServer('sqlite', { INKWELL_GUEST_REACTIONS: 'on' });
    const dir = scratch();
    try {
      await call(a.url, 'POST', '/v1/threads/x/comments', { token: await token({ sub: 'one' }), body: { body: 'on a' } });
      await call(b.url, 'POST', '/v1/threads/y/comments', { token: await token({ sub: 'two' }), body: { body: 'on b' } });
      assert.equal((await call(b.url, 'PUT', '/v1/threads/y/reactions/like', { headers: GUEST_A })).status, 200);
      const file = path.join(dir, 'a.json');
      assert.equal((await cli(['export', file, '--with-author-key', '--with-address-key'], databaseEnv(a))).code, 0);
      const run = await cli(['import', '--from', 'inkwell', file], databaseEnv(b));
      assert.match(run.stdout, /1 × this database already has signed-in readers' comments or reactions, whose author ids would change; kept its own key: authorIdKey/);
      assert.match(run.stdout, /1 × this database already has guests' reactions, which would no longer be theirs; kept its own key: addressKey/);
      assert.doesNotMatch(run.stdout, /key: taken/);
      // A reader who only reacted holds an author id too.
      const c = await startServer('sqlite');
      try {
        assert.equal((await call(c.url, 'PUT', '/v1/threads/z/reactions/like', { token: await token({ sub: 'three' }) })).status, 200);
        const onC = await cli(['import', '--from', 'inkwell', file], databaseEnv(c));
        assert.match(onC.stdout, /1 × this database already has signed-in readers' comments or reactions, .*: authorIdKey/);
        assert.match(onC.stdout, /^address key: taken from the export/m);
      } finally {
        await c.close();
      }
      const plain = path.join(dir, 'plain.json');
      assert.equal((await cli(['export', plain], databaseEnv(a))).code, 0);
      const doc = JSON.parse(fs.readFileSync(plain, 'utf8'));
      assert.equal(doc.authorIdKey, undefined);
      assert.equal(doc.addressKey, undefined);
      assert.ok(doc.leftOut.some((l: string) => l.startsWith('author_id_key: a secret')));
      assert.ok(doc.leftOut.some((l: string) => l.startsWith('address_key: a secret')));
    } finally {
      await Promise.all([a.close(), b.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves guests\' e-mail out on request, refuses to overwrite, and writes to standard output with -', async () => {
    const s = await startServer('sqlite', { INKWELL_GUESTS: 'on', INKWELL_GUEST_REACTIONS: 'on' });
    const dir = scratch();
    try {
      await populate(s);
      const file = path.join(dir, 'export.json');
      assert.equal((await cli(['export', file, '--omit-emails'], databaseEnv(s))).code, 0);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.ok(doc.comments.every((c: { authorEmail: unknown }) => c.authorEmail === null));
      assert.ok(doc.leftOut.some((l: string) => /e-mail addresses: left out on request/.test(l)));
      const again = await cli(['export', file], databaseEnv(s));
      assert.equal(again.code, 2);
      assert.match(again.stderr, /exists; choose a new name, or add --force/);
      const piped = await cli(['export', '-'], databaseEnv(s));
      assert.equal(piped.code, 0, piped.stderr);
      assert.equal(JSON.parse(piped.stdout).comments.length, doc.comments.length);
      assert.deepEqual(fs.readdirSync(dir), ['export.json'], 'no partial file left behind');
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a record that does not fit and reads the rest', async () => {
    const s = await startServer('sqlite');
    const dir = scratch();
    try {
      const file = path.join(dir, 'edited.json');
      const good = {
        id: 'c_aaaaaaaaaaaaaaaa', thread: 't', parentId: null, rootId: 'c_aaaaaaaaaaaaaaaa', authorId: 'g_x', authorName: 'A', authorPicture: null,
        authorEmail: null, guest: true, body: 'kept', status: 'published', createdAt: '2024-01-01T00:00:00.000Z', editedAt: null,
        pendingBody: null, pendingEditedAt: null, sourceKey: null,
      };
      fs.writeFileSync(file, JSON.stringify({
        format: 'inkwell-export', version: 1, threads: [],
        comments: [good, { ...good, id: 'c_b', createdAt: 'soon' }, { ...good, id: 'c_c', status: 'loved' }, 7],
        reactions: [
          { thread: 't', commentId: null, kind: 'like', reactor: 'guest:x', createdAt: '2024-01-02T00:00:00.000Z' },
          { thread: 't', commentId: good.id, kind: 'love', reactor: 'u_y', createdAt: '2024-01-02T00:00:00.000Z' },
          { thread: 't', commentId: 'c_b', kind: 'like', reactor: 'u_y', createdAt: '2024-01-02T00:00:00.000Z' },
          { thread: 'elsewhere', commentId: good.id, kind: 'like', reactor: 'u_y', createdAt: '2024-01-02T00:00:00.000Z' },
          { thread: 't', commentId: good.id, kind: 'shrug', reactor: 'u_y', createdAt: '2024-01-02T00:00:00.000Z' },
        ],
        typoReports: [{ id: 't_1', count: 0 }],
      }));
      const dry = await cli(['import', '--from', 'inkwell', file, '--dry-run'], databaseEnv(s));
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^reactions: would add 2, 0 already there$/m);
      assert.deepEqual((await allRows(s)).reactions, []);
      const run = await cli(['import', '--from', 'inkwell', file], databaseEnv(s));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^1 threads, added 1 comments, 0 already there, 7 skipped$/m);
      assert.match(run.stdout, /^reactions: added 2, 0 already there$/m);
      assert.match(run.stdout, /2 × a reaction to a comment that is not in the database and was not imported: reactions\[2\] \(comment c_b\), reactions\[3\] \(comment c_aaaaaaaaaaaaaaaa\)/);
      assert.match(run.stdout, /1 × unknown kind "shrug": reactions\[4\]/);
      assert.match(run.stdout, /1 × createdAt is not a date: comments\[1\]/);
      assert.match(run.stdout, /1 × unknown status "loved": comments\[2\]/);
      assert.match(run.stdout, /1 × not an object: comments\[3\]/);
      assert.match(run.stdout, /1 × fingerprint is not a string: typoReports\[0\]/);
      assert.deepEqual((await allRows(s)).comments.map((c) => c.body), ['kept']);
      assert.deepEqual((await allRows(s)).reactions.map((r) => [r.target, r.kind]), [['', 'like'], [good.id, 'love']]);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
