import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CommentTable } from '../src/db.js';
import { call, dropSchema, kinds, PG_URL, randomSchema, startServer, token, type Res, type TestServer } from './helpers.js';
import { allRows, cli, databaseEnv, FIXTURES, importInto, scratch } from './porting-helpers.js';

const THREAD = 'https://news.example/2024/story';
const T = encodeURIComponent(THREAD);

/** A server with a bit of everything: reader, moderator and guest comments, a reply, an edit awaiting approval, spam, a deletion, a rejection, typo reports and imported comments. */
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
      const env = { INKWELL_GUESTS: 'on', INKWELL_MODERATION: 'pre' };
      const a = await startServer(kind, env);
      const dir = scratch();
      // The second server starts on the imported database: servers read the author key at start.
      const target: Record<string, string> = kind === 'sqlite' ? { INKWELL_DATA_DIR: path.join(dir, 'b') } : { INKWELL_DATABASE_URL: PG_URL, INKWELL_DATABASE_SCHEMA: randomSchema() };
      let b: TestServer | undefined;
      try {
        await populate(a);
        const file = path.join(dir, 'inkwell-export.json');
        const out = await cli(['export', file, '--with-author-key'], databaseEnv(a));
        assert.equal(out.code, 0, out.stderr);
        assert.match(out.stderr, /^inkwell: wrote 15 comments in 3 threads and 2 typo reports to .*inkwell-export\.json\n$/);
        assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'readable by its owner only: it holds e-mail addresses');

        const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
        assert.equal(doc.format, 'inkwell-export');
        assert.equal(doc.version, 1);
        assert.ok(doc.leftOut.some((l: string) => l.startsWith('reactions')));
        assert.equal(typeof doc.authorIdKey, 'string');
        assert.deepEqual(doc.threads.find((t: { id: string }) => t.id === THREAD), { id: THREAD, comments: 5 });
        const gus = doc.comments.find((c: { authorName: string }) => c.authorName === 'Gus');
        assert.deepEqual([gus.authorEmail, gus.status, gus.guest], ['gus@example.com', 'spam', true]);

        const back = await cli(['import', '--from', 'inkwell', file], target);
        assert.equal(back.code, 0, back.stderr);
        assert.match(back.stdout, /^3 threads, added 15 comments, 0 already there, 0 skipped$/m);
        assert.match(back.stdout, /^typo reports: added 2, 0 already there$/m);
        assert.match(back.stdout, /^author key: taken from the export; restart servers/m);
        b = await startServer(kind, { ...env, ...target });
        const before = await allRows(a);
        const after = await allRows(b);
        assert.deepEqual(comparable(after.comments), comparable(before.comments));
        assert.deepEqual(after.typoReports, before.typoReports);
        // Readers, authors and moderators are shown the same; authors still own their comments.
        const viewers = [undefined, await token({ sub: 'mo', name: 'Mo', role: 'moderator' }), await token({ sub: 'rea', name: 'Réa' })];
        for (const t of viewers) {
          const [x, y]: Res[] = await Promise.all([a, b!].map((s) => call(s.url, 'GET', `/v1/threads/${T}/comments`, { token: t })));
          assert.deepEqual(y!.json, x!.json);
        }
        assert.ok(JSON.stringify((await call(b.url, 'GET', `/v1/threads/${T}/comments`, { token: viewers[2] })).json).includes('"own":true'));

        const again = await cli(['import', '--from', 'inkwell', file], target);
        assert.match(again.stdout, /^3 threads, added 0 comments, 15 already there, 0 skipped$/m);
        assert.deepEqual(await allRows(b), after);
      } finally {
        await Promise.all([a.close(), b?.close()]);
        if (target.INKWELL_DATABASE_SCHEMA) await dropSchema(target.INKWELL_DATABASE_SCHEMA);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('keeps a database\'s own author key once readers have commented there, and says so', async () => {
    const a = await startServer('sqlite');
    const b = await startServer('sqlite');
    const dir = scratch();
    try {
      await call(a.url, 'POST', '/v1/threads/x/comments', { token: await token({ sub: 'one' }), body: { body: 'on a' } });
      await call(b.url, 'POST', '/v1/threads/y/comments', { token: await token({ sub: 'two' }), body: { body: 'on b' } });
      const file = path.join(dir, 'a.json');
      assert.equal((await cli(['export', file, '--with-author-key'], databaseEnv(a))).code, 0);
      const run = await cli(['import', '--from', 'inkwell', file], databaseEnv(b));
      assert.match(run.stdout, /1 × this database already has signed-in readers' comments, whose author ids would change; kept its own key: authorIdKey/);
      const plain = path.join(dir, 'plain.json');
      assert.equal((await cli(['export', plain], databaseEnv(a))).code, 0);
      const doc = JSON.parse(fs.readFileSync(plain, 'utf8'));
      assert.equal(doc.authorIdKey, undefined);
      assert.ok(doc.leftOut.some((l: string) => l.startsWith('author_id_key: a secret')));
    } finally {
      await Promise.all([a.close(), b.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves guests\' e-mail out on request, refuses to overwrite, and writes to standard output with -', async () => {
    const s = await startServer('sqlite', { INKWELL_GUESTS: 'on' });
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
        typoReports: [{ id: 't_1', count: 0 }],
      }));
      const run = await cli(['import', '--from', 'inkwell', file], databaseEnv(s));
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^1 threads, added 1 comments, 0 already there, 4 skipped$/m);
      assert.match(run.stdout, /1 × createdAt is not a date: comments\[1\]/);
      assert.match(run.stdout, /1 × unknown status "loved": comments\[2\]/);
      assert.match(run.stdout, /1 × not an object: comments\[3\]/);
      assert.match(run.stdout, /1 × fingerprint is not a string: typoReports\[0\]/);
      assert.deepEqual((await allRows(s)).comments.map((c) => c.body), ['kept']);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
