import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, readMeta, type CommentTable, type ReactionTable } from '../src/db.js';
import { MailLinks } from '../src/notifications/links.js';
import { call, dropSchema, kinds, PG_URL, randomSchema, startServer, token, type Res, type TestServer } from './helpers.js';
import { allRows, cli, databaseEnv, FIXTURES, importInto, scratch } from './porting-helpers.js';

const THREAD = 'https://news.example/2024/story';
const T = encodeURIComponent(THREAD);
/** A thread whose authors are set before anybody commented. */
const UPCOMING = 'https://news.example/2024/upcoming';
/** A thread where readers asked to hear of replies. */
const MAILED = 'https://news.example/2024/mailed';

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
  // The first comment pinned; the thread's authors: one set by a moderator, one from a token's authorOf claim; authors of a thread without comments yet.
  assert.equal((await call(s.url, 'PUT', `/v1/comments/${top}/pin`, { token: mod })).status, 200);
  const reaId = (await call(s.url, 'GET', `/v1/comments/${reply}`, { token: mod })).json.author.id as string;
  assert.equal((await call(s.url, 'PUT', `/v1/threads/${T}/authors`, { token: mod, body: { authors: [reaId] } })).status, 200);
  const byWriter = await post({ body: 'From the article\'s writer' }, await token({ sub: 'writer', name: 'Wendy', authorOf: [THREAD] }));
  await patch(byWriter, { status: 'published' }, mod);
  assert.equal((await call(s.url, 'PUT', `/v1/threads/${encodeURIComponent(UPCOMING)}/authors`, { token: mod, body: { authors: [reaId] } })).status, 200);
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
  await subscribe(s);
}

/** The links a server's mails carry (made with its own key, as its mails would have them). */
async function mailLinks(s: TestServer): Promise<MailLinks> {
  const database = await openDatabase(s.config);
  try {
    return new MailLinks(await readMeta(database.db, 'mail_link_key'), () => s.url);
  } finally {
    await database.close();
  }
}

/** Reply notifications: a reader subscribes, a guest confirms her address, another reader subscribes and then unsubscribes from everything. */
async function subscribe(s: TestServer): Promise<void> {
  const post = async (body: Record<string, unknown>, t?: string) => {
    const r = await call(s.url, 'POST', `/v1/threads/${encodeURIComponent(MAILED)}/comments`, { token: t, body: { pageUrl: MAILED, notifyReplies: true, ...body } });
    assert.equal(r.status, 201, r.text);
  };
  const follow = async (url: string) => assert.equal((await fetch(url, { method: 'POST' })).status, 200);
  const links = await mailLinks(s);
  await post({ body: 'Tell me of replies', lang: 'fr' }, await token({ sub: 'rea', name: 'Réa', email: 'rea@example.com' }));
  await post({ body: 'A guest who wants mail', author: { name: 'Gwen', email: 'Gwen@example.com' } });
  await follow(links.url({ do: 'confirm', email: links.emailHash('gwen@example.com'), at: Date.now() }));
  await post({ body: 'Then no more mail' }, await token({ sub: 'opal', name: 'Opal', email: 'opal@example.com' }));
  await follow(links.url({ do: 'all', email: links.emailHash('opal@example.com') }));
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
        const out = await cli(['export', file, '--with-author-key', '--with-address-key', '--with-mail-link-key'], databaseEnv(a));
        assert.equal(out.code, 0, out.stderr);
        assert.match(out.stderr, /^inkwell: wrote 20 comments in 4 threads, 10 reactions, 2 typo reports, 1 bans, 1 pins, 3 thread authors, 2 reply subscriptions and 3 mail addresses to .*inkwell-export\.json\n$/);
        assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'readable by its owner only: it holds e-mail addresses');

        const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
        assert.equal(doc.format, 'inkwell-export');
        assert.equal(doc.version, 1);
        assert.ok(!doc.leftOut.some((l: string) => /reactions: not exported|author_id_key|address_key|mail_link_key|reply notifications/.test(l)), doc.leftOut.join('\n'));
        assert.equal(typeof doc.authorIdKey, 'string');
        assert.equal(typeof doc.addressKey, 'string');
        assert.equal(typeof doc.mailLinkKey, 'string');
        // Réa and the confirmed guest are subscribed; Opal, unsubscribed from everything, only as an opted-out address.
        const links = await mailLinks(a);
        assert.deepEqual(doc.notifySubscriptions.map((r: Record<string, unknown>) => [r.subscriber === 'e:' + links.emailHash('gwen@example.com') ? 'guest' : r.subscriber,
          r.email, r.lang, r.pageUrl, r.confirmed]).sort(), [
          ['guest', 'Gwen@example.com', 'en', MAILED, true], [doc.comments.find((c: { body: string }) => c.body === 'Rejected').authorId, 'rea@example.com', 'fr', MAILED, true],
        ].sort());
        assert.deepEqual(Object.keys(doc.notifySubscriptions[0]), ['thread', 'subscriber', 'email', 'lang', 'pageUrl', 'confirmed', 'createdAt']);
        const opal = doc.mailAddresses.find((r: { emailHash: string }) => r.emailHash === links.emailHash('opal@example.com'));
        assert.ok(Date.parse(opal.optedOutAt), JSON.stringify(doc.mailAddresses));
        assert.ok(Date.parse(doc.mailAddresses.find((r: { emailHash: string }) => r.emailHash === links.emailHash('gwen@example.com')).confirmedAt));
        assert.deepEqual(Object.keys(opal), ['emailHash', 'confirmedAt', 'optedOutAt', 'confirmSentAt']);
        assert.equal(doc.reactions.length, 10);
        const onThread = doc.reactions.filter((r: { commentId: unknown }) => r.commentId === null);
        assert.deepEqual(onThread.map((r: { kind: string }) => r.kind).sort(), ['like', 'like', 'love']);
        assert.deepEqual(Object.keys(onThread[0]), ['thread', 'commentId', 'kind', 'reactor', 'createdAt']);
        assert.deepEqual(doc.threads.find((t: { id: string }) => t.id === THREAD), { id: THREAD, comments: 7 });
        const top = doc.comments.find((c: { body: string }) => c.body.startsWith('The **first**'));
        const banned = doc.comments.find((c: { body: string }) => c.body === 'Hidden with a ban');
        assert.deepEqual(doc.bans, [{ readerId: banned.authorId, hideComments: true, createdAt: doc.bans[0].createdAt }]);
        assert.ok(Date.parse(doc.bans[0].createdAt));
        assert.deepEqual(doc.pins.map((p: Record<string, string>) => [p.thread, p.commentId]), [[THREAD, top.id]]);
        assert.deepEqual(Object.keys(doc.pins[0]), ['thread', 'commentId', 'pinnedAt']);
        const writer = doc.comments.find((c: { authorName: string }) => c.authorName === 'Wendy').authorId;
        const reaId = doc.comments.find((c: { body: string }) => c.body === 'Rejected').authorId;
        assert.deepEqual(doc.threadAuthors, [
          { thread: THREAD, authorId: [reaId, writer].sort()[0] }, { thread: THREAD, authorId: [reaId, writer].sort()[1] }, { thread: UPCOMING, authorId: reaId },
        ]);
        const gus = doc.comments.find((c: { authorName: string }) => c.authorName === 'Gus');
        assert.deepEqual([gus.authorEmail, gus.status, gus.guest], ['gus@example.com', 'spam', true]);
        assert.equal(doc.comments.find((c: { body: string }) => c.body === 'Hidden with a ban').status, 'hidden');

        const back = await cli(['import', '--from', 'inkwell', file], target);
        assert.equal(back.code, 0, back.stderr);
        assert.match(back.stdout, /^4 threads, added 20 comments, 0 already there, 0 skipped$/m);
        assert.match(back.stdout, /^reply subscriptions: added 2, 0 already there$/m);
        assert.match(back.stdout, /^mail addresses: added 3, 0 already there$/m);
        assert.match(back.stdout, /^mail link key: taken from the export; restart servers/m);
        assert.match(back.stdout, /^bans: added 1, 0 already there$/m);
        assert.match(back.stdout, /^pins: added 1, 0 already there$/m);
        assert.match(back.stdout, /^thread authors: added 3, 0 already there$/m);
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
        assert.deepEqual([after.bans, after.pins, after.threadAuthors], [before.bans, before.pins, before.threadAuthors]);
        assert.deepEqual([after.notifySubscriptions, after.mailAddresses], [before.notifySubscriptions, before.mailAddresses]);
        assert.deepEqual(after, { ...before, comments: after.comments }, 'every table, row for row');
        // Readers, authors, moderators and guests are shown the same (reaction counts and their own reactions); authors still own their comments.
        const [mo, rea] = [await token({ sub: 'mo', name: 'Mo', role: 'moderator' }), await token({ sub: 'rea', name: 'Réa' })];
        // Réa and Wendy are the thread's authors (set by a moderator, and from Wendy's authorOf claim).
        const wendy = await token({ sub: 'writer', name: 'Wendy', authorOf: [THREAD] });
        const viewers = [{}, { token: mo }, { token: rea }, { token: wendy }, { headers: GUEST_A }, { headers: GUEST_B }];
        for (const as of viewers) {
          for (const query of ['', '?sort=newest', '?sort=top']) {
            const [x, y]: Res[] = await Promise.all([a, b!].map((s) => call(s.url, 'GET', `/v1/threads/${T}/comments${query}`, as)));
            assert.deepEqual(y!.json, x!.json);
          }
        }
        // What the pins and authors show: the pinned comment first, the authors' comments labelled; the ban still refuses, and lifting it brings back what it hid.
        const anonymous = (await call(b.url, 'GET', `/v1/threads/${T}/comments?sort=newest`)).json;
        assert.equal(anonymous.comments[0].body, 'The **first** word — with `code`');
        assert.equal(anonymous.comments[0].pinned, true);
        assert.deepEqual(anonymous.comments.filter((c: { byAuthor?: boolean }) => c.byAuthor).map((c: { body: string }) => c.body).sort(),
          ['A reply, held first', 'From the article\'s writer']);
        // The included HTML too, but for when it was made and the live events (not exported) it follows on from.
        const page = async (s: TestServer) => (await call(s.url, 'GET', `/v1/threads/${T}/comments.html`)).text.replace(/ data-(rendered-at|last-event-id)="[^"]*"/g, '');
        assert.equal(await page(b), await page(a));
        const stillBanned = await call(b.url, 'POST', `/v1/threads/${T}/comments`, { token: await token({ sub: 'ban', name: 'Banned' }), body: { body: 'again' } });
        assert.deepEqual([stillBanned.status, stillBanned.json.error.code], [403, 'banned']);
        const guestA = (await call(b.url, 'GET', `/v1/threads/${T}/comments`, { headers: GUEST_A })).json;
        assert.deepEqual(guestA.reactions, { counts: { like: 2, love: 1 }, mine: ['like'] });
        const topA = guestA.comments.find((c: { body: string }) => c.body.startsWith('The **first**'));
        assert.deepEqual(topA.reactions, { counts: { like: 3, love: 1, celebrate: 1 }, mine: ['like'] });
        const topRea = (await call(b.url, 'GET', `/v1/threads/${T}/comments`, { token: rea })).json.comments.find((c: { body: string }) => c.body.startsWith('The **first**'));
        assert.deepEqual(topRea.reactions.mine, ['like', 'love']);
        assert.ok(JSON.stringify((await call(b.url, 'GET', `/v1/threads/${T}/comments`, { token: rea })).json).includes('"own":true'));

        const again = await cli(['import', '--from', 'inkwell', file], target);
        assert.match(again.stdout, /^4 threads, added 0 comments, 20 already there, 0 skipped$/m);
        assert.match(again.stdout, /^reply subscriptions: added 0, 2 already there$/m);
        assert.match(again.stdout, /^mail addresses: added 0, 3 already there$/m);
        assert.match(again.stdout, /^reactions: added 0, 10 already there$/m);
        assert.match(again.stdout, /^bans: added 0, 1 already there$/m);
        assert.match(again.stdout, /^pins: added 0, 1 already there$/m);
        assert.match(again.stdout, /^thread authors: added 0, 3 already there$/m);
        assert.deepEqual(await allRows(b), after);

        const banId = after.bans[0]!.author_id;
        assert.equal((await call(b.url, 'DELETE', `/v1/bans/${banId}`, { token: mo })).status, 204);
        assert.ok((await call(b.url, 'GET', `/v1/threads/${T}/comments`)).json.comments.some((c: { body: string }) => c.body === 'Hidden with a ban'),
          'unbanned on the new server: the comment the ban hid is back');
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

  it('without the mail link key: subscriptions hashed again with the new server\'s key, confirmations and opt-outs passed over, the unsubscribed stay so', async () => {
    const a = await startServer('sqlite', { INKWELL_GUESTS: 'on' });
    const b = await startServer('sqlite', { INKWELL_GUESTS: 'on' });
    const dir = scratch();
    try {
      await subscribe(a);
      const file = path.join(dir, 'no-key.json');
      assert.equal((await cli(['export', file], databaseEnv(a))).code, 0);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(doc.mailLinkKey, undefined);
      assert.ok(doc.leftOut.some((l: string) => l.startsWith('mail_link_key: a secret') && l.includes('links in mails already sent stop working')), doc.leftOut.join('\n'));
      const run = await cli(['import', '--from', 'inkwell', file], databaseEnv(b));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^reply subscriptions: added 2, 0 already there$/m);
      assert.match(run.stdout, /3 × an address known by its hash under the old server's mail link key, .*: mailAddresses\[0\], mailAddresses\[1\], mailAddresses\[2\]/);
      const [from, to] = [await allRows(a), await allRows(b)];
      const [linksA, linksB] = [await mailLinks(a), await mailLinks(b)];
      const rehash = (r: (typeof from.notifySubscriptions)[number]) => {
        const hash = linksB.emailHash(r.email);
        return { ...r, email_hash: hash, subscriber: r.subscriber.startsWith('e:') ? 'e:' + hash : r.subscriber };
      };
      assert.notEqual(linksA.emailHash('gwen@example.com'), linksB.emailHash('gwen@example.com'));
      const bySubscriber = (rows: typeof to.notifySubscriptions) => [...rows].sort((x, y) => (x.subscriber < y.subscriber ? -1 : 1));
      assert.deepEqual(bySubscriber(to.notifySubscriptions), bySubscriber(from.notifySubscriptions.map(rehash)));
      assert.ok(!to.notifySubscriptions.some((r) => r.email === 'opal@example.com'), 'unsubscribed there: nothing to mail her here');
      assert.deepEqual(to.mailAddresses, []);
      const again = await cli(['import', '--from', 'inkwell', file], databaseEnv(b));
      assert.match(again.stdout, /^reply subscriptions: added 0, 2 already there$/m);
      assert.deepEqual(await allRows(b), to);
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
      // Reply notifications hold addresses (or their hashes): not in the file, and the file says so.
      assert.deepEqual([doc.notifySubscriptions, doc.mailAddresses, doc.mailKeyId, doc.mailLinkKey], [undefined, undefined, undefined, undefined]);
      assert.ok(doc.leftOut.some((l: string) => /^reply notifications .*left out on request \(--omit-emails\)/.test(l)), doc.leftOut.join('\n'));
      assert.ok(!doc.leftOut.some((l: string) => l.startsWith('mail_link_key')));
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
        bans: [
          { readerId: 'u_banned', hideComments: false, createdAt: '2024-01-03T00:00:00.000Z' },
          { readerId: 'g_guest', hideComments: false, createdAt: '2024-01-03T00:00:00.000Z' },
          { readerId: 'u_other', hideComments: 'yes', createdAt: '2024-01-03T00:00:00.000Z' },
        ],
        pins: [
          { thread: 't', commentId: 'c_b', pinnedAt: '2024-01-03T00:00:00.000Z' },
          { thread: 'elsewhere', commentId: good.id, pinnedAt: '2024-01-03T00:00:00.000Z' },
          { thread: 't', commentId: good.id, pinnedAt: '2024-01-03T00:00:00.000Z' },
        ],
        threadAuthors: [{ thread: 't', authorId: 'u_writer' }, { thread: 't', authorId: 5 }, { thread: '', authorId: 'u_writer' }],
      }));
      const dry = await cli(['import', '--from', 'inkwell', file, '--dry-run'], databaseEnv(s));
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^reactions: would add 2, 0 already there$/m);
      assert.match(dry.stdout, /^pins: would add 1, 0 already there$/m);
      assert.deepEqual((await allRows(s)).reactions, []);
      assert.deepEqual((await allRows(s)).pins, []);
      const run = await cli(['import', '--from', 'inkwell', file], databaseEnv(s));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^1 threads, added 1 comments, 0 already there, 13 skipped$/m);
      assert.match(run.stdout, /^bans: added 1, 0 already there$/m);
      assert.match(run.stdout, /^pins: added 1, 0 already there$/m);
      assert.match(run.stdout, /^thread authors: added 1, 0 already there$/m);
      assert.match(run.stdout, /1 × readerId is not a signed-in reader's id \(u_…\): bans\[1\]/);
      assert.match(run.stdout, /1 × hideComments is not true or false: bans\[2\]/);
      assert.match(run.stdout, /2 × a pin of a comment that is not in the thread and was not imported: pins\[0\] \(comment c_b\), pins\[1\] \(comment c_aaaaaaaaaaaaaaaa\)/);
      assert.match(run.stdout, /1 × authorId is not a string: threadAuthors\[1\]/);
      assert.match(run.stdout, /1 × thread is empty: threadAuthors\[2\]/);
      const rows = await allRows(s);
      assert.deepEqual([rows.bans, rows.pins, rows.threadAuthors], [
        [{ author_id: 'u_banned', hid_comments: 0, created_at: Date.parse('2024-01-03T00:00:00.000Z') }],
        [{ thread: 't', comment_id: good.id, pinned_at: Date.parse('2024-01-03T00:00:00.000Z') }],
        [{ thread: 't', author_id: 'u_writer' }],
      ]);
      assert.match(run.stdout, /^reactions: added 2, 0 already there$/m);
      assert.match(run.stdout, /2 × a reaction to a comment that is not in the database and was not imported: reactions\[2\] \(comment c_b\), reactions\[3\] \(comment c_aaaaaaaaaaaaaaaa\)/);
      assert.match(run.stdout, /1 × unknown kind "shrug": reactions\[4\]/);
      assert.match(run.stdout, /1 × createdAt is not a date: comments\[1\]/);
      assert.match(run.stdout, /1 × unknown status "loved": comments\[2\]/);
      assert.match(run.stdout, /1 × not an object: comments\[3\]/);
      assert.match(run.stdout, /1 × fingerprint is not a string: typoReports\[0\]/);
      assert.deepEqual((await allRows(s)).comments.map((c) => c.body), ['kept']);
      assert.deepEqual((await allRows(s)).reactions.map((r) => [r.target, r.kind]), [['', 'like'], [good.id, 'love']]);
      // A thread pinned here keeps its pin; another export's pin of another comment is passed over, with why.
      const other = path.join(dir, 'other.json');
      const second = { ...good, id: 'c_second', rootId: 'c_second' };
      fs.writeFileSync(other, JSON.stringify({ format: 'inkwell-export', version: 1, comments: [second], pins: [{ thread: 't', commentId: 'c_second', pinnedAt: '2024-02-01T00:00:00.000Z' }] }));
      const pinned = await cli(['import', '--from', 'inkwell', other], databaseEnv(s));
      assert.match(pinned.stdout, /1 × the thread has another pinned comment here; kept it: pins\[0\] \(thread t\)/);
      assert.deepEqual((await allRows(s)).pins, rows.pins);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
